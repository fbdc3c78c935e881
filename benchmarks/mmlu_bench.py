"""Benchmark: MMLU scoring speed (tradeoff.mmlu), letter and cloze formulations, against the plain layouts.

Usage: python benchmarks/mmlu_bench.py [--preset demo] [--n 114] [--subjects S ...] [--batch-size 16] [--model DIR]
       [--shots 5] [--quant none|bf16|4bit] [--forms letter,cloze] [--baseline] [--out results.json]

Scores a stratified sample of `--n` real MMLU test questions (the shared data; the mini set when absent) with the
config's model, each formulation timed on its own. Rows:
- `letter`: tradeoff.mmlu's path (one pass per question; the prompt part shared by a batch of one subject is run once).
- `cloze`: tradeoff.mmlu's path (the context run once for its four choices, the shared prompt part once per batch).
With `--baseline`, the same questions in the plain layouts, same batching and padding code:
- `letter, no sharing`: one full pass per question, batches mixing subjects (what lm-eval does for one-token answers).
- `cloze, 4 sequences`: each choice as its own sequence, context included (lm-eval's layout for cloze).
Prints a markdown table: questions/s, prompt tokens/s (tokens of the prompts and continuations scored, whether or
not a shared part was computed only once), peak memory (process RSS on CPU, torch.cuda.max_memory_allocated on
GPU), and the agreement of the baseline's predictions with the fast path's.
"""
import argparse, json, os, sys, time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
for k in ('HF_HUB_OFFLINE', 'HF_DATASETS_OFFLINE'): os.environ.setdefault(k, '1')
import numpy as np, torch
from tradeoff.config import load_config
from tradeoff.data import load_mmlu, sample_items
from tradeoff.machine import hardware_summary
from tradeoff.models import load_model
from tradeoff.runs import library_versions
from tradeoff.lm import LM
from tradeoff.mmlu import dev_shots, score_formulation, fit_prompts, continuation_ids, choice_texts
from peak_memory import PeakMemory  # benchmarks/peak_memory.py


def fast(lm, rows, shots, k, cloze, bs):
    "tradeoff.mmlu's path: predictions and prompt tokens."
    recs = score_formulation(lm, rows, shots, k, cloze, bs)
    sfx = '_cloze' if cloze else ''
    return [r[f'pred{sfx}'] for r in recs], sum(r[f'tokens{sfx}'] for r in recs)


def plain(lm, rows, shots, k, cloze, bs):
    "The plain layouts: letters one pass per question with no shared prefix; cloze as four full sequences."
    conts = [continuation_ids(lm.tok, choice_texts(r, cloze)) for r in rows]
    budgets = [lm.context_length + 1 - max(map(len, cs)) for cs in conts]
    ids, _, _ = fit_prompts(rows, shots, k, lm.tok, budgets, cloze)
    if not cloze:
        ll = lm.choice_loglikelihoods(ids, conts, bs)  # batches mix subjects: only the header's first words are shared
        return ll.argmax(1).tolist(), sum(map(len, ids))
    pairs = [(c, k_) for c, ks in zip(ids, conts) for k_ in ks]
    ll = np.array(lm.token_loglikelihoods(pairs, bs)).reshape(len(rows), 4)
    preds = [int(np.argmax(l / [max(len(ch), 1) for ch in r['choices']])) for l, r in zip(ll, rows)]
    return preds, sum(len(c) + sum(len(k_) - 1 for k_ in ks) for c, ks in zip(ids, conts))


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('--preset', default='demo'); ap.add_argument('--n', type=int, default=114)
    ap.add_argument('--batch-size', type=int, default=None); ap.add_argument('--model', default=None)
    ap.add_argument('--shots', type=int, default=None); ap.add_argument('--quant', default=None)
    ap.add_argument('--data', default='auto'); ap.add_argument('--baseline', action='store_true')
    ap.add_argument('--subjects', nargs='+', default=None, help='subjects or categories (default: all)')
    ap.add_argument('--forms', default='letter,cloze', help='formulations to time: letter, cloze or both')
    ap.add_argument('--out', default=None)
    a = ap.parse_args()
    cfg = load_config(a.preset, model=a.model, quant=a.quant, mmlu_shots=a.shots, eval_batch_size=a.batch_size, data=a.data)
    model, tok = load_model(cfg)
    items = sample_items(load_mmlu(cfg.mmlu_dir, subjects=a.subjects), a.n, seed=0, by='subject')
    rows, shots = items.to_dict('records'), dev_shots(cfg.mmlu_dir, items.subject.unique(), cfg.mmlu_shots)
    dev, bs, k = next(model.parameters()).device, cfg.eval_batch_size, cfg.mmlu_shots
    lm = LM(model, tok, bs)
    fast(lm, rows[:2], shots, k, True, bs)  # warm-up (kernels, allocator)
    forms = {f.strip() for f in a.forms.split(',')}
    runs = [r for r in [('letter', fast, False), ('cloze', fast, True)] if r[0] in forms]
    if a.baseline: runs += [('letter, no sharing', plain, False), ('cloze, 4 sequences', plain, True)]
    res, preds = [], {}
    for name, fn, cloze in runs:
        with PeakMemory(dev) as mem:
            t0 = time.perf_counter()
            p, ntok = fn(lm, rows, shots, k, cloze, bs)
            dt = time.perf_counter() - t0
        preds[name] = p
        same = sum(x == y for x, y in zip(p, preds.get('cloze' if cloze else 'letter', p)))
        res.append(dict(formulation=name, questions=len(rows), seconds=round(dt, 2), questions_per_s=round(len(rows) / dt, 2),
                        tokens=ntok, tokens_per_s=round(ntok / dt), peak_mem_gib=round(mem.peak / 2**30, 2), same_pred=same))
    print(f"\n{cfg.model} ({model.dtype}, quant {cfg.quant}) on {hardware_summary()}; {k}-shot, batch {bs}, "
          f"{len(rows)} questions stratified by subject from {cfg.mmlu_dir}")
    print('\n| formulation | questions | seconds | questions/s | prompt tokens/s | peak memory (GiB) | same predictions as fast path |')
    print('|---|---|---|---|---|---|---|')
    for r in res:
        print(f"| {r['formulation']} | {r['questions']} | {r['seconds']} | {r['questions_per_s']} | {r['tokens_per_s']} | "
              f"{r['peak_mem_gib']} | {r['same_pred']}/{r['questions']} |")
    if a.out: Path(a.out).write_text(json.dumps(dict(results=res, hardware=hardware_summary(), versions=library_versions(),
                                                     model=cfg.model, quant=cfg.quant, shots=k, batch_size=bs), indent=1))


if __name__ == '__main__': main()
