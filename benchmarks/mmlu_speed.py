"""Benchmark: MMLU scoring, the current path against an earlier version of the package, same questions, same model.

    python benchmarks/mmlu_speed.py --model DIR [--n 0] [--ref-n 2000] [--ref DIR_WITH_PACKAGE --ref-name old_tradeoff]

Times `score_formulation` for the letter and the cloze formulations (5-shot; the prompts' token ids made
first and timed apart, as the disk cache serves every evaluation after the first) with the
current package on `--n` questions (0: all 14,042) and batch size `--batch-size` (0: sized from free memory), and,
with `--ref`, an earlier copy of the package (imported under `--ref-name`) on the first `--ref-n` of them (a
stratified sample) at its batch size. Predictions are compared on the questions both scored. Prints a table with
questions/s and the arithmetic floor: 2 FLOPs per parameter for every prompt token (shared prompt parts counted
once per subject) at the bf16 matrix rate measured here.

`--variants current,liger,compile` times the current path again after changing how the model runs, on the same
questions, and counts its predictions that equal the current path's: `liger` swaps in liger-kernel's fused RMSNorm,
rotary embedding and SwiGLU (the kernels training uses with `kernels: liger`); `compile` wraps the model's forward
in `torch.compile(dynamic=True)` (its compile time is inside its first formulation's seconds). They run in this
order in one process: liger's rotary patch is global to the model's module.
"""
import argparse, importlib, json, os, sys, time
from pathlib import Path
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
for k in ('HF_HUB_OFFLINE', 'HF_DATASETS_OFFLINE'): os.environ.setdefault(k, '1')
import numpy as np, torch
from tradeoff.config import load_config
from tradeoff.models import load_model, dequantize_linears
from tradeoff.data import load_mmlu, sample_items
from tradeoff.machine import hardware_summary
from tradeoff.lm import LM
from tradeoff.mmlu import dev_shots, score_formulation, prompt_ids


def sync():
    if torch.cuda.is_available(): torch.cuda.synchronize()


def matmul_rate(dev) -> float:
    n = 8192 if dev.type == 'cuda' else 1024  # a CPU smoke run: a smaller product
    a, b = (torch.randn(n, n, dtype=torch.bfloat16, device=dev) for _ in range(2))
    a @ b; sync(); t0 = time.perf_counter()
    for _ in range(20): a @ b
    sync()
    return 2 * n**3 * 20 / (time.perf_counter() - t0)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('--model', required=True); ap.add_argument('--data', default='shared')
    ap.add_argument('--preset', default='smollm2-gpu', help="e.g. demo with --model test:tiny-llama: a CPU smoke run")
    ap.add_argument('--quant', default='bf16')
    ap.add_argument('--n', type=int, default=0); ap.add_argument('--ref-n', type=int, default=2000)
    ap.add_argument('--batch-size', type=int, default=0); ap.add_argument('--ref-batch-size', type=int, default=64)
    ap.add_argument('--ref', default=None); ap.add_argument('--ref-name', default='old_tradeoff')
    ap.add_argument('--forms', default='letter,cloze'); ap.add_argument('--out', default=None)
    ap.add_argument('--variants', default='current', help='current, then any of: liger, compile, dequantize (a 4-bit model: --quant 4bit)')
    a = ap.parse_args()
    cfg = load_config(a.preset, model=a.model, data=a.data, quant=a.quant)
    model, tok = load_model(cfg)
    df = load_mmlu(cfg.mmlu_dir, 'test')
    rows = (sample_items(df, a.n, seed=0, by='subject') if a.n else df).to_dict('records')
    ref_rows = rows if a.ref_n >= len(rows) else sample_items(df, a.ref_n, seed=0, by='subject').to_dict('records')
    shots = dev_shots(cfg.mmlu_dir, df.subject.unique(), 5)
    rate = matmul_rate(model.device)
    params = sum(p.numel() for p in model.parameters())
    impls = [('current', LM(model, tok, a.batch_size), score_formulation, rows, a.batch_size)]
    if a.ref:
        sys.path.insert(0, a.ref)
        old = importlib.import_module(f'{a.ref_name}.mmlu')  # its `LM` is the one its scorer uses, wherever it lives
        impls.append(('reference', old.LM(model, tok, a.ref_batch_size), old.score_formulation, ref_rows,
                      a.ref_batch_size))
        if ref_rows is not rows: impls.append(('current', LM(model, tok, a.batch_size), score_formulation, ref_rows, a.batch_size))
    score_formulation(LM(model, tok, 8), rows[:8], shots, 5, True, 8)  # warm-up
    out, preds = [], {}
    def run(name, lm, fn, rs, bs, form):
        cloze = form == 'cloze'
        t0 = time.perf_counter()  # the prompts' token ids, cached on disk: what every later evaluation skips
        if fn is score_formulation: prompt_ids(lm.tok, rs, shots, 5, cloze, lm.context_length)
        prep = time.perf_counter() - t0
        sync(); torch.cuda.is_available() and torch.cuda.reset_peak_memory_stats(); t0 = time.perf_counter()
        recs = fn(lm, rs, shots, 5, cloze, bs)
        sync(); dt = time.perf_counter() - t0
        s = '_cloze' if cloze else ''
        preds[(name, form, len(rs))] = [r['pred' + s] for r in recs]
        unique = sum(r['tokens' + s] for r in recs)  # tokens read, shared parts counted per question
        floor = 2 * params * unique / rate
        out.append(dict(path=name, form=form, questions=len(rs), batch=bs or 'auto', prompts_s=round(prep, 2), seconds=round(dt, 2),
                        q_per_s=round(len(rs) / dt), floor_s_unshared=round(floor, 2),
                        peak_gib=round(torch.cuda.max_memory_allocated() / 2**30, 1) if torch.cuda.is_available() else None))
        print(out[-1], flush=True)
    def same(a_, b_, form, n):
        p, q = preds[(a_, form, n)], preds[(b_, form, n)]
        print(f"{form}: {a_} and {b_} predict alike on {sum(x == y for x, y in zip(p, q))}/{len(p)}", flush=True)
    forms = a.forms.split(',')
    for form in forms:
        for name, lm, fn, rs, bs in impls: run(name, lm, fn, rs, bs, form)
        if a.ref: same('current', 'reference', form, len(ref_rows))
    for v in [v for v in a.variants.split(',') if v != 'current']:
        try:
            if v == 'liger':
                from liger_kernel.transformers import _apply_liger_kernel_to_instance
                _apply_liger_kernel_to_instance(model, rope=True, rms_norm=True, swiglu=True, cross_entropy=False,
                                                fused_linear_cross_entropy=False)
            elif v == 'compile': model.forward = torch.compile(model.forward, dynamic=True)
            elif v == 'dequantize': dequantize_linears(model)  # `eval_dequantize`: its 4-bit weights expanded once
            else: raise ValueError(f'unknown variant {v!r}')
            for form in forms:
                run(v, LM(model, tok, a.batch_size), score_formulation, rows, a.batch_size, form)
                same('current', v, form, len(rows))
        except Exception as e: print(f'{v}: failed: {type(e).__name__}: {e}', flush=True)
    print(f"\n{hardware_summary()}; bf16 matmul {rate / 1e12:.0f} TFLOP/s\n")
    print('| path | formulation | questions | batch | prompt ids, cold (s) | seconds | questions/s | floor, no sharing (s) | peak GiB |')
    print('|---|---|---:|---|---:|---:|---:|---:|---:|')
    for r in out:
        print(f"| {r['path']} | {r['form']} | {r['questions']} | {r['batch']} | {r['prompts_s']} | {r['seconds']} | {r['q_per_s']} | "
              f"{r['floor_s_unshared']} | {r['peak_gib']} |")
    if a.out: Path(a.out).write_text(json.dumps(out, indent=1))


if __name__ == '__main__': main()
