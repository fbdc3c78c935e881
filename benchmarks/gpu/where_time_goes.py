"""Where the time of each GPU stage goes: wall time against the GPU's own kernel time, and kernel launches.

    python benchmarks/gpu/where_time_goes.py --model DIR [--data shared]

Profiles, with torch.profiler, one batch of each hot path on the model: the engine's decode loop (16 steps of 128
rows), its fixed-buffer decoder (the same), an MMLU letter batch and a cloze batch (64 questions each), with
`mmlu-full` the whole MMLU test split in batches sized from free memory (each formulation), and one
training step of each kind asked for: `train` (bf16 LoRA on every linear
layer, micro-batch 16), `qlora` (4-bit, the seed's LoRA on q and v, micro-batch 8), `qlora-liger` (the same with
liger-kernel's kernels). For each: wall seconds, the sum of kernel times on the GPU,
their ratio (near 1: the GPU is busy; far below: the host is the bottleneck), kernels launched, and the top host-side
operators by self time.
"""
import argparse, os, sys, time, tempfile
from pathlib import Path
sys.path.insert(0, str(Path(__file__).resolve().parent.parent.parent))
for k in ('HF_HUB_OFFLINE', 'HF_DATASETS_OFFLINE'): os.environ.setdefault(k, '1')
import torch
from torch.profiler import profile, ProfilerActivity
from tradeoff.config import load_config
from tradeoff.data import load_spider, load_mmlu, sample_items
from tradeoff.lm import LM
from tradeoff.batching import batch_order
from tradeoff.generation import build_sql_prompt, SQL_STOP


def profiled(name, fn, top=8):
    "Run `fn` once to warm up, then once under the profiler; print its wall and kernel time."
    t0 = time.perf_counter(); fn(); torch.cuda.synchronize(); plain = time.perf_counter() - t0
    with profile(activities=[ProfilerActivity.CPU, ProfilerActivity.CUDA]) as prof:
        t0 = time.perf_counter(); fn(); torch.cuda.synchronize(); wall = time.perf_counter() - t0
    ev = prof.key_averages()
    gpu = sum(e.self_device_time_total for e in ev if e.device_type == torch.autograd.DeviceType.CUDA) / 1e6
    launches = sum(e.count for e in ev if e.key in ('cudaLaunchKernel', 'cuLaunchKernel', 'cudaLaunchKernelExC'))
    graphs = sum(e.count for e in ev if e.key == 'cudaGraphLaunch')
    print(f"\n## {name}: wall {wall:.3f} s (unprofiled, first run: {plain:.3f} s), GPU kernels {gpu:.3f} s ({gpu / wall:.0%} busy), {launches} kernel launches, "
          f"{graphs} graph launches, {launches / max(wall, 1e-9):.0f} launches/s")
    rows = sorted((e for e in ev if e.device_type == torch.autograd.DeviceType.CPU), key=lambda e: -e.self_cpu_time_total)
    for e in rows[:top]: print(f"  {e.key[:60]:60s} self {e.self_cpu_time_total / 1e3:9.1f} ms  x{e.count}")
    ks = sorted((e for e in ev if e.device_type == torch.autograd.DeviceType.CUDA), key=lambda e: -e.self_device_time_total)
    print('  GPU kernels by time:')
    for e in ks[:top]: print(f"  {e.key[:60]:60s} {e.self_device_time_total / 1e3:9.1f} ms  x{e.count}")


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('--model', required=True); ap.add_argument('--data', default='shared')
    ap.add_argument('--stages', default='decode,mmlu,train')
    ap.add_argument('--forms', default='letter,cloze', help="MMLU formulations of the mmlu stages")
    a = ap.parse_args()
    stages = a.stages.split(',')
    cfg = load_config('smollm2-gpu', model=a.model, data=a.data, quant='bf16')
    lm = LM.from_config(cfg)
    if 'decode' in stages:
        items = sample_items(load_spider(cfg.spider_dir), 128, seed=0, by='db_id')
        ids = lm.tok([build_sql_prompt(it, cfg, lm.tok)['prompt'] for it in items], add_special_tokens=False).input_ids
        ids = [ids[i] for i in batch_order(ids)]
        profiled('decode loop, 128 rows x 16 tokens', lambda: lm._generate_batch(ids, 16, SQL_STOP))
        profiled('fixed-buffer decoder, 128 rows x 16 tokens', lambda: lm._generate_static(ids, 16, SQL_STOP))
    if 'mmlu' in stages:
        from tradeoff.mmlu import dev_shots, score_formulation
        rows = sample_items(load_mmlu(cfg.mmlu_dir, subjects=['high_school_biology']), 64, seed=0).to_dict('records')
        shots = dev_shots(cfg.mmlu_dir, ['high_school_biology'], 5)
        lm.batch_size = 64
        for cloze in (False, True):
            profiled(f"MMLU {'cloze' if cloze else 'letter'}, 64 questions of one subject",
                     lambda: score_formulation(lm, rows, shots, 5, cloze, 64))
    if 'mmlu-full' in stages:  # the whole test split in batches sized from free memory, as a study scores it
        from tradeoff.mmlu import dev_shots, score_formulation
        df = load_mmlu(cfg.mmlu_dir, 'test')
        rows, shots = df.to_dict('records'), dev_shots(cfg.mmlu_dir, df.subject.unique(), 5)
        sizes = []  # each batch's questions, from the records it hands back
        for cloze in [f == 'cloze' for f in a.forms.split(',')]:
            sizes.clear()
            profiled(f"MMLU {'cloze' if cloze else 'letter'}, all {len(rows)} questions, batches from free memory",
                     lambda: score_formulation(lm, rows, shots, 5, cloze, 0, lambda recs: sizes.append(len(recs))), top=14)
            print(f"  batches: {len(sizes) // 2} of {min(sizes)}-{max(sizes)} questions")  # warm-up run + profiled run
    from tradeoff.finetune import training_rows, training_dataset, make_trainer
    qlora = dict(quant='4bit', batch_size=8, lora_targets=['q_proj', 'v_proj'])  # the seed's LoRA, its batch in one pass
    steps = {'train': dict(quant='bf16', batch_size=16),  # bf16 LoRA on every linear layer
             'qlora': qlora, 'qlora-liger': dict(qlora, kernels='liger')}
    for name in [s for s in stages if s in steps]:
        tcfg = load_config('smollm2-gpu', model=a.model, data=a.data, **steps[name], train_n=256, grad_accum=1,
                           micro_batch=0, save_steps=0)
        ds, _ = training_dataset(training_rows(tcfg, lm.tok)[0], lm.tok, tcfg.max_length)
        with tempfile.TemporaryDirectory() as d:
            tr = make_trainer(tcfg, ds, d, max_steps=3, save_strategy='no', logging_steps=10**6, disable_tqdm=True)
            batch = next(iter(tr.get_train_dataloader()))
            def step():
                tr.training_step(tr.model, batch)
                tr.optimizer.step(); tr.optimizer.zero_grad()
            tr.create_optimizer()
            tr.current_gradient_accumulation_steps = 1  # what `train` sets before its first step
            n = int((batch['labels'] != -100).sum())
            profiled(f"one training step, {name} ({tcfg.quant}, micro-batch {tcfg.batch_size}, "
                     f"{batch['input_ids'].numel()} tokens, {n} labelled)", step)
            del tr

if __name__ == '__main__': main()
