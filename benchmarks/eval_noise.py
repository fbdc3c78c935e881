"""Evaluation noise of a model scored twice (`<tag>` and `<tag>~<label>`, e.g. two batch sizes): per-question agreement,
the accuracy difference, and how many MMLU answers were exact ties between choices (logits rounded to bfloat16 tie).

    python benchmarks/eval_noise.py benchmarks/results/bf16-noise-2026-12-06
"""
import sys, gzip, json
from pathlib import Path
import numpy as np, pandas as pd
from tradeoff.regression import load_study, eval_noise

def tied(folder: Path, col: str) -> float:
    "Share of the MMLU questions whose best log-likelihood in column `col` is shared by another choice."
    p = folder/'mmlu_samples.jsonl.gz'
    rows = [json.loads(l) for l in (gzip.open(p, 'rt') if p.exists() else open(folder/'mmlu_samples.jsonl'))]
    ll = np.array([r[col] for r in rows if r.get(col)])
    return float(((ll == ll.max(1, keepdims=True)).sum(1) > 1).mean())

def main(study: str):
    t = eval_noise(load_study(study), n_boot=2000)
    col = {'mmlu': 'loglik', 'mmlu_cloze': 'loglik_cloze'}  # where each MMLU metric's log-likelihoods are
    for which, tags in (('tied_first', t.tag), ('tied_repeat', t.repeat)):
        t[which] = [tied(Path(study)/tag, col[m]) if m in col else np.nan for tag, m in zip(tags, t.metric)]
    cols = ['metric', 'tag', 'repeat', 'n', 'acc', 'acc_repeat', 'diff', 'lo', 'hi', 'agree', 'same_answer',
            'tied_first', 'tied_repeat']
    print(t[cols].to_markdown(index=False, floatfmt='.4f'))

if __name__ == '__main__': main(sys.argv[1])
