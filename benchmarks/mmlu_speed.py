"""Benchmark: MMLU scoring, the current path against an earlier version of the package, same questions, same model.

    python benchmarks/mmlu_speed.py --model DIR [--n 0] [--ref-n 2000] [--ref DIR_WITH_PACKAGE --ref-name old_tradeoff]

Times `score_formulation` for the letter and the cloze formulations (5-shot; the prompts' token ids made
first and timed apart, as the disk cache serves every evaluation after the first) with the
current package on `--n` questions (0: all 14,042) and batch size `--batch-size` (0: sized from free memory), and,
with `--ref`, an earlier copy of the package (imported under `--ref-name`) on the first `--ref-n` of them (a
stratified sample) at its batch size. Predictions are compared on the questions both scored. Prints a table with
questions/s and the arithmetic floor: 2 FLOPs per parameter for every prompt token (shared prompt parts counted
once per subject) at the bf16 matrix rate measured here.
"""
import argparse, importlib, json, os, sys, time
from pathlib import Path
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
for k in ('HF_HUB_OFFLINE', 'HF_DATASETS_OFFLINE'): os.environ.setdefault(k, '1')
import numpy as np, torch
from tradeoff.config import load_config
from tradeoff.models import load_model
from tradeoff.data import load_mmlu, sample_items
from tradeoff.machine import hardware_summary
from tradeoff.lm import LM
from tradeoff.mmlu import dev_shots, score_formulation, prompt_ids


def matmul_rate(dev) -> float:
    a, b = (torch.randn(8192, 8192, dtype=torch.bfloat16, device=dev) for _ in range(2))
    a @ b; torch.cuda.synchronize(); t0 = time.perf_counter()
    for _ in range(20): a @ b
    torch.cuda.synchronize()
    return 2 * 8192**3 * 20 / (time.perf_counter() - t0)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('--model', required=True); ap.add_argument('--data', default='shared')
    ap.add_argument('--n', type=int, default=0); ap.add_argument('--ref-n', type=int, default=2000)
    ap.add_argument('--batch-size', type=int, default=0); ap.add_argument('--ref-batch-size', type=int, default=64)
    ap.add_argument('--ref', default=None); ap.add_argument('--ref-name', default='old_tradeoff')
    ap.add_argument('--forms', default='letter,cloze'); ap.add_argument('--out', default=None)
    a = ap.parse_args()
    cfg = load_config('smollm2-gpu', model=a.model, data=a.data, quant='bf16')
    model, tok = load_model(cfg)
    df = load_mmlu(cfg.mmlu_dir, 'test')
    rows = (sample_items(df, a.n, seed=0, by='subject') if a.n else df).to_dict('records')
    ref_rows = sample_items(df, a.ref_n, seed=0, by='subject').to_dict('records')
    shots = dev_shots(cfg.mmlu_dir, df.subject.unique(), 5)
    rate = matmul_rate(model.device)
    params = sum(p.numel() for p in model.parameters())
    impls = [('current', LM(model, tok, a.batch_size), score_formulation, rows, a.batch_size)]
    if a.ref:
        sys.path.insert(0, a.ref)
        old = importlib.import_module(f'{a.ref_name}.mmlu')  # its `LM` is the one its scorer uses, wherever it lives
        impls.append(('reference', old.LM(model, tok, a.ref_batch_size), old.score_formulation, ref_rows,
                      a.ref_batch_size))
        impls.append(('current', LM(model, tok, a.batch_size), score_formulation, ref_rows, a.batch_size))
    score_formulation(LM(model, tok, 8), rows[:8], shots, 5, True, 8)  # warm-up
    out, preds = [], {}
    for form in a.forms.split(','):
        cloze = form == 'cloze'
        for name, lm, fn, rs, bs in impls:
            t0 = time.perf_counter()  # the prompts' token ids, cached on disk: what every later evaluation skips
            if name == 'current': prompt_ids(lm.tok, rs, shots, 5, cloze, lm.context_length)
            prep = time.perf_counter() - t0
            torch.cuda.synchronize(); torch.cuda.reset_peak_memory_stats(); t0 = time.perf_counter()
            recs = fn(lm, rs, shots, 5, cloze, bs)
            torch.cuda.synchronize(); dt = time.perf_counter() - t0
            s = '_cloze' if cloze else ''
            preds[(name, form, len(rs))] = [r['pred' + s] for r in recs]
            unique = sum(r['tokens' + s] for r in recs)  # tokens read, shared parts counted per question
            floor = 2 * params * unique / rate
            out.append(dict(path=name, form=form, questions=len(rs), batch=bs or 'auto', prompts_s=round(prep, 2), seconds=round(dt, 2),
                            q_per_s=round(len(rs) / dt), floor_s_unshared=round(floor, 2),
                            peak_gib=round(torch.cuda.max_memory_allocated() / 2**30, 1)))
            print(out[-1], flush=True)
        if a.ref:
            p, q = preds[('current', form, len(ref_rows))], preds[('reference', form, len(ref_rows))]
            print(f"{form}: same predictions on {sum(x == y for x, y in zip(p, q))}/{len(p)}", flush=True)
    print(f"\n{hardware_summary()}; bf16 matmul {rate / 1e12:.0f} TFLOP/s\n")
    print('| path | formulation | questions | batch | prompt ids, cold (s) | seconds | questions/s | floor, no sharing (s) | peak GiB |')
    print('|---|---|---:|---|---:|---:|---:|---:|---:|')
    for r in out:
        print(f"| {r['path']} | {r['form']} | {r['questions']} | {r['batch']} | {r['prompts_s']} | {r['seconds']} | {r['q_per_s']} | "
              f"{r['floor_s_unshared']} | {r['peak_gib']} |")
    if a.out: Path(a.out).write_text(json.dumps(out, indent=1))


if __name__ == '__main__': main()
