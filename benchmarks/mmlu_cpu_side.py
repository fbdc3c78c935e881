"""The CPU side of one MMLU evaluation: everything but the model, on the full test split (14,042 questions, 5-shot,
both formulations), with the prompts' token ids computed (a cold cache) and read back (warm).

    python benchmarks/mmlu_cpu_side.py [--data shared] [--tokenizer DIR]

The model is a stand-in that answers every batch at once with random log-likelihoods, so what is timed is the
chapter's own work: the questions, the prompts and their token ids (`prompt_ids`), the records, the metrics, the
result files. The tokenizer is the embedded model's (or DIR, e.g. a copy of SmolLM2's tokenizer files).
"""
import argparse, os, sys, tempfile, time
from pathlib import Path
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
for k in ('HF_HUB_OFFLINE', 'HF_DATASETS_OFFLINE'): os.environ.setdefault(k, '1')
import numpy as np


class StandIn:
    "Answers `choice_loglikelihoods` instantly; has what the evaluation reads of an `LM`."
    def __init__(self, tok): self.tok, self.context_length, self.batch_size, self.adapter, self.alpha = tok, 2048, 0, None, 1.0
    def choice_loglikelihoods(self, ids, conts, batch_size, done, groups):
        rng = np.random.default_rng(0)
        for i in range(0, len(ids), 512): done(list(range(i, min(i + 512, len(ids)))), rng.normal(size=(min(512, len(ids) - i), 4)))


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('--data', default='shared'); ap.add_argument('--tokenizer')
    a = ap.parse_args()
    os.environ['TRADEOFF_CACHE'] = tempfile.mkdtemp()  # a cold cache to start from
    import tradeoff.mmlu as mm, tradeoff.tasks as tasks
    from tradeoff.config import load_config
    from tradeoff.models import load_tokenizer
    cfg = lambda: load_config('smollm2-gpu', data=a.data, device='cpu', out_dir=tempfile.mkdtemp())  # a fresh output folder
    tok = load_tokenizer(cfg(), path=a.tokenizer)
    mm.eval_key = lambda *args, **kw: 'stand-in'  # the key reads the model's weights, which the stand-in has not
    tasks.scored_weights = lambda lm: {}
    print('| cache | questions | seconds |\n|---|---:|---:|')
    for cache in ('cold', 'warm'):
        t = time.perf_counter()
        recs, _ = tasks.evaluate(mm.MMLU, cfg(), StandIn(tok))
        print(f'| {cache} | {len(recs)} | {time.perf_counter() - t:.1f} |', flush=True)


if __name__ == '__main__': main()
