"""Training throughput of the seed's settings against ours: non-padding tokens/s, samples/s and peak memory.

Each variant trains the configured model for a few optimizer steps on real Spider train prompts (built by chapter
01's prompt builder, exactly as `tradeoff.finetune` trains) in a fresh process, so peak memory is its own. The
first `--warmup` steps are not timed. Prints a markdown table; `--record BENCHMARKS.md` appends it with the card.

    python benchmarks/train_bench.py --preset demo --model test:tiny-llama --steps 4          # CPU smoke run
    python benchmarks/train_bench.py --preset phi2-config1 --steps 20 --record BENCHMARKS.md   # on the GPU
"""
from __future__ import annotations
import os, sys, json, time, argparse, subprocess, datetime
os.environ.setdefault('HF_HUB_OFFLINE', '1'); os.environ.setdefault('HF_DATASETS_OFFLINE', '1')
os.environ.setdefault('TOKENIZERS_PARALLELISM', 'false')

# name: (StudyConfig overrides, SFTConfig overrides, description). `bs` stands for the preset's micro-batch.
SEED = dict(lora_targets=['q_proj', 'v_proj'], batch_size=4, gradient_checkpointing=False)
VARIANTS = {
    'seed':         (SEED, {}, "the seed's settings: LoRA on q,v; micro-batch 4; random order, padded to the longest"),
    'all-linear':   (dict(SEED, lora_targets=None), {}, 'LoRA on every linear layer (ours), otherwise as seed'),
    'grouped':      (dict(SEED, lora_targets=None), 'grouped', '+ batches of similar length'),
    'padding-free': (dict(SEED, lora_targets=None), dict(padding_free=True), '+ padding-free (one packed sequence a batch)'),
    'grouped-x4':   (dict(SEED, lora_targets=None, batch_size=16), 'grouped', 'grouped, micro-batch 16'),
    'grouped-x4-gc': (dict(SEED, lora_targets=None, batch_size=16, gradient_checkpointing=True), 'grouped',
                      'grouped, micro-batch 16, gradient checkpointing'),
    'grouped-x8':   (dict(SEED, lora_targets=None, batch_size=32), 'grouped', 'grouped, micro-batch 32'),
    'liger-x4':     (dict(SEED, lora_targets=None, batch_size=16), ('grouped', dict(use_liger_kernel=True)),
                     "grouped, micro-batch 16, liger-kernel's fused RMSNorm, SwiGLU and RoPE"),
    'liger-x8':     (dict(SEED, lora_targets=None, batch_size=32), ('grouped', dict(use_liger_kernel=True)),
                     "grouped, micro-batch 32, liger-kernel's fused RMSNorm, SwiGLU and RoPE"),
    'liger-x16':    (dict(SEED, lora_targets=None, batch_size=64), ('grouped', dict(use_liger_kernel=True)),
                     "grouped, micro-batch 64, liger-kernel's kernels (its fused linear cross-entropy keeps no logits)"),
    'liger-x32':    (dict(SEED, lora_targets=None, batch_size=128), ('grouped', dict(use_liger_kernel=True)),
                     "grouped, micro-batch 128, liger-kernel's kernels"),
    'compile-x8':   (dict(SEED, lora_targets=None, batch_size=32),
                     ('grouped', dict(torch_compile=True, pad_to_multiple_of=64)),
                     'grouped, micro-batch 32, torch.compile, lengths padded to multiples of 64 (few shapes to compile)'),
    'seed-x2':      (dict(SEED, batch_size=8), 'grouped',
                     "the seed's LoRA (q,v), its effective batch of 8 as one micro-batch, grouped"),
    'seed-x2-liger': (dict(SEED, batch_size=8), ('grouped', dict(use_liger_kernel=True)),
                      "the seed's LoRA (q,v), its effective batch of 8 as one micro-batch, grouped, liger-kernel's kernels"),
    'seed-x2-compile': (dict(SEED, batch_size=8), ('grouped', dict(torch_compile=True, pad_to_multiple_of=64)),
                        "as seed-x2, the model under torch.compile, lengths padded to multiples of 64 (few shapes)"),
    'seed-x2-graphs': (dict(SEED, batch_size=8, cuda_graphs=True), 'grouped',
                       "as seed-x2, each pass replayed from a CUDA graph (`cuda_graphs`; lengths padded to multiples of 64)"),
    'graphs-x4':    (dict(SEED, lora_targets=None, batch_size=16, cuda_graphs=True), 'grouped',
                     'grouped, micro-batch 16, LoRA on every linear layer, each pass replayed from a CUDA graph'),
    'graphs-x8':    (dict(SEED, lora_targets=None, batch_size=32, cuda_graphs=True), 'grouped',
                     'grouped, micro-batch 32, LoRA on every linear layer, each pass replayed from a CUDA graph'),
    'seed-x2-quiet': (dict(SEED, batch_size=8), ('grouped', dict(logging_steps=50)),
                      "as seed-x2, the loss logged every 50 steps instead of every step: a wait for the GPU less a step"),
    'seed-x2-f32attn': (dict(SEED, batch_size=8, kbit_attention='float32'), 'grouped',
                        "as seed-x2, attention in the float32 that k-bit preparation leaves (the path before `kbit_attention`)"),
}

def measure(args, name: str) -> dict:
    "Train variant `name` for warmup + steps optimizer steps in this process; its throughput."
    import torch
    from transformers import TrainerCallback
    from tradeoff.config import load_config
    from tradeoff.machine import hardware_summary
    from tradeoff.models import load_tokenizer
    from tradeoff.finetune import training_rows, training_dataset, make_trainer, batching_args, peak_memory
    over, sft, _ = VARIANTS[name]
    if isinstance(sft, tuple): sft = {**batching_args(sft[0]), **sft[1]}
    sft = batching_args(sft) if isinstance(sft, str) else dict(sft)
    extra = {k: v for k, v in dict(model=args.model, quant=args.quant, device=args.device).items() if v}
    cfg = load_config(args.preset, **{**extra, 'micro_batch': 0, **over, 'train_n': args.rows, 'grad_accum': 1, 'save_steps': 0})
    tok = load_tokenizer(cfg, 'right')
    ds, _ = training_dataset(training_rows(cfg, tok)[0], tok, cfg.max_length)
    cuda = torch.cuda.is_available() and cfg.device != 'cpu'
    marks = []
    class Clock(TrainerCallback):
        def on_step_end(self, a, state, control, **kw):  # waits for the GPU only where it times: the host runs ahead
            if cuda and state.global_step in (args.warmup, args.warmup + args.steps): torch.cuda.synchronize()
            marks.append((time.perf_counter(), state.num_input_tokens_seen))
    captured = {}
    class Capture(TrainerCallback):  # `cuda_graphs`: every batch shape captured before the clock starts
        def on_train_begin(self, a, state, control, **kw): captured.update(capture_all(tr))
    import tempfile
    with tempfile.TemporaryDirectory() as d:
        tr = make_trainer(cfg, ds, d, callbacks=[Capture(), Clock()], max_steps=args.warmup + args.steps,
                          save_strategy='no', disable_tqdm=True, **dict(logging_steps=1) | sft)
        tr.train()
        if captured: captured['captured_in_run'] = len(tr.graphed.graphs) - captured['shapes']  # 0: the clock saw none
        losses = [h['loss'] for h in tr.state.log_history if 'loss' in h]
    (t0, k0), (t1, k1) = marks[args.warmup - 1], marks[-1]
    steps, secs = len(marks) - args.warmup, t1 - t0
    return dict(variant=name, micro_batch=cfg.batch_size, targets=','.join(cfg.lora_targets or ['all linear']),
                grad_ckpt=cfg.gradient_checkpointing, steps=steps, tokens_per_s=round((k1 - k0) / secs, 1),
                samples_per_s=round(steps * cfg.batch_size / secs, 3), s_per_step=round(secs / steps, 3),
                tokens_per_sample=round((k1 - k0) / (steps * cfg.batch_size), 1), **peak_memory(), **captured,
                losses=[round(l, 4) for l in losses],  # per step: variants of one seed should train alike
                model=cfg.model, quant=cfg.quant, rows=len(ds), hardware=hardware_summary())

def capture_all(tr) -> dict:
    "With `cuda_graphs` on a GPU: capture the pass of every batch shape training can meet now; the seconds and the shapes."
    import torch
    g = getattr(tr, 'graphed', None)
    if g is None or not g.capture: return {}
    t = time.perf_counter()
    with torch.random.fork_rng(devices=[]):  # a loader drawn here must not move the order of the training's own batches
        seen = [g.padded(b)[0].shape for b in tr.get_train_dataloader()]  # an epoch's batches: rows and padded lengths
    longest = max(l for _, l in seen)  # every length up to it, in case another order groups the rows otherwise
    g.capture_shapes([(r, l) for r in {r for r, _ in seen} for l in range(g.bucket, longest + 1, g.bucket)])
    torch.cuda.synchronize()
    return dict(capture_s=round(time.perf_counter() - t, 1), shapes=len(g.graphs))

def table(results: list[dict]) -> str:
    "Markdown table of the measured variants."
    cols = ['variant', 'micro_batch', 'targets', 'grad_ckpt', 'tokens_per_s', 'samples_per_s', 's_per_step', 'peak_memory_gib',
            'losses'] + (['capture_s', 'shapes', 'captured_in_run'] if any('capture_s' in r for r in results) else [])
    base = next((r['tokens_per_s'] for r in results if r['variant'] == 'seed'), None)
    lines = ['| ' + ' | '.join(cols + ['vs seed']) + ' |', '|' + '---|' * (len(cols) + 1)]
    for r in results:
        rel = f"{r['tokens_per_s'] / base:.2f}x" if base else ''
        lines.append('| ' + ' | '.join(' '.join(map(str, r[c])) if isinstance(r.get(c), list) else str(r.get(c, '')) for c in cols)
                     + f' | {rel} |')
    return '\n'.join(lines)

def main():
    p = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    p.add_argument('--preset', default='demo', help='preset name or YAML path')
    p.add_argument('--model', help="override the preset's model (e.g. test:tiny-llama, smollm2, a local path)")
    p.add_argument('--quant', help="override the preset's quantization (none, bf16, 8bit, 4bit)")
    p.add_argument('--device', help='auto, cpu or cuda')
    p.add_argument('--steps', type=int, default=10, help='timed optimizer steps per variant')
    p.add_argument('--warmup', type=int, default=2, help='untimed steps first')
    p.add_argument('--rows', type=int, default=1024, help='train rows to draw batches from')
    p.add_argument('--variants', default=','.join(VARIANTS), help=f"comma-separated, from: {', '.join(VARIANTS)}")
    p.add_argument('--record', help='append the table to this markdown file (e.g. BENCHMARKS.md)')
    p.add_argument('--one', help=argparse.SUPPRESS)  # internal: measure one variant in this process
    args = p.parse_args()
    if args.one:
        print('RESULT ' + json.dumps(measure(args, args.one)), flush=True); return
    results = []
    for name in args.variants.split(','):
        if name not in VARIANTS: sys.exit(f'unknown variant {name!r}; known: {", ".join(VARIANTS)}')
        cmd = [sys.executable, __file__, *sys.argv[1:], '--one', name]
        t = time.time(); r = subprocess.run(cmd, capture_output=True, text=True)
        found = [l for l in r.stdout.splitlines() if l.startswith('RESULT ')]
        if r.returncode or not found:
            print(f'{name}: failed\n{r.stderr[-3000:]}', file=sys.stderr); continue
        results.append(json.loads(found[-1][7:]))
        print(f'{name}: {results[-1]["tokens_per_s"]} tokens/s ({time.time() - t:.0f} s)', file=sys.stderr, flush=True)
    if not results: sys.exit('no variant ran')
    r0 = results[0]
    head = (f"### Training throughput: {r0['model']} ({r0['quant']}), preset {args.preset}, {r0['hardware']}\n\n"
            f"{datetime.date.today()}; {args.steps} timed steps after {args.warmup} warm-up, batches drawn from "
            f"{r0['rows']} Spider train prompts; tokens/s counts non-padding tokens; peak memory is "
            f"{r0['peak_memory_of']}.\n\n")
    out = head + table(results) + '\n\n' + '\n'.join(f'- `{n}`: {VARIANTS[n][2]}' for n in (r['variant'] for r in results)) + '\n'
    print(out)
    if args.record:
        with open(args.record, 'a') as f: f.write('\n' + out)

if __name__ == '__main__': main()
