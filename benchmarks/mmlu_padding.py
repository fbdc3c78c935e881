"""Benchmark: the tokens an MMLU pass runs through the model, by how its questions are batched (CPU only, no model run).

    python benchmarks/mmlu_padding.py [--model smollm2] [--budget-gib 39,13] [--data shared]

On a GPU, `choice_loglikelihoods` batches as many questions as a share of the free memory holds. A batch has three
regions, each padded to its widest row: the subjects' shared prefixes (run once per subject in the batch), the
questions' own tokens, and the continuations after their first token (cloze). This counts, on the whole test split
(5-shot, the model's tokenizer), the tokens each region runs and the attention's query x key area, for the order
before `choice_order` (each subject whole, subjects by their longest prompt) and for `choice_batches`, at each
memory budget (39 GiB: half of an 80 GB card's free memory; 13 GiB: the same shared by three lanes). The ideal runs
each subject's prefix once and pads nothing. Model time on a GPU scales with these counts where it is bound by the
card (the whole split is: `where_time_goes.py --stages mmlu-full`).
"""
import argparse, os, sys
from pathlib import Path
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
for k in ('HF_HUB_OFFLINE', 'HF_DATASETS_OFFLINE'): os.environ.setdefault(k, '1')
from transformers import AutoConfig
from tradeoff.config import load_config
from tradeoff.models import load_tokenizer, resolve_model
from tradeoff.data import load_mmlu
from tradeoff.mmlu import dev_shots, prompt_ids
from tradeoff.batching import _fill_batches, prefix_groups, choice_rows, choice_batches, token_cache_bytes


def regions(batches, ctxs, conts, labels) -> dict:
    "Tokens run in each region, and attention area, of `batches` laid out as `LM._choice_batch` and `LM.prefill` lay them out."
    pre = own = rest = att = 0
    for b in batches:
        groups = prefix_groups([ctxs[i] for i in b], [labels[i] for i in b])
        shared = [p if len(groups) < len(b) else 0 for s, e, p in groups for _ in range(s, e)]  # as `prefill`
        top, runs = max(shared), sum(1 for *_, p in groups if p and len(groups) < len(b))
        w = max(len(ctxs[i]) - sh for i, sh in zip(b, shared))
        r = max(sum(len(t) - 1 for t in conts[i]) for i in b)
        pre, own, rest = pre + runs * top, own + len(b) * w, rest + len(b) * r
        att += runs * top * top + len(b) * w * (top + w) + len(b) * r * (top + w + r)
    return dict(batches=len(batches), prefix=pre, own=own, rest=rest, total=pre + own + rest, attention=att)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('--model', default='smollm2'); ap.add_argument('--data', default='shared')
    ap.add_argument('--budget-gib', default='39,13'); ap.add_argument('--forms', default='letter,cloze')
    a = ap.parse_args()
    cfg = load_config('smollm2-gpu', model=a.model, data=a.data)
    tok, mc = load_tokenizer(cfg), AutoConfig.from_pretrained(resolve_model(cfg.model))
    kv_bytes = token_cache_bytes(mc)  # bfloat16
    df = load_mmlu(cfg.mmlu_dir, 'test')
    rows, shots = df.to_dict('records'), dev_shots(cfg.mmlu_dir, df.subject.unique(), 5)
    labels = [r['subject'] for r in rows]
    print(f'{len(rows)} questions, 5-shot, {cfg.model} tokenizer; a cache token of a row: {kv_bytes} bytes (bfloat16)\n')
    print('| formulation | budget GiB | order | batches | prefix tokens | own tokens | continuation tokens | all tokens (M) | x ideal | attention (G) |')
    print('|---|---:|---|---:|---:|---:|---:|---:|---:|---:|')
    for form in a.forms.split(','):
        ctxs, conts, *_ = prompt_ids(tok, rows, shots, 5, form == 'cloze', 2048)
        p, o, r = choice_rows(ctxs, conts, labels)
        ideal = sum(dict(zip(labels, p)).values()) + sum(o) + sum(r)
        longest = {}
        for g, c in zip(labels, ctxs): longest[g] = max(longest.get(g, 0), len(c))
        before = sorted(range(len(rows)), key=lambda i: (-longest[labels[i]], labels[i], -len(ctxs[i])))
        sizes = [3 * (len(c) + x) * kv_bytes + 10 * x * mc.vocab_size for c, x in zip(ctxs, r)]
        for gib in map(float, a.budget_gib.split(',')):
            budget = gib * 2**30
            for name, bs in [('subjects whole (before)', _fill_batches(before, sizes, budget)),
                             ('choice_batches', choice_batches(ctxs, conts, labels, kv_bytes, mc.vocab_size, budget))]:
                m = regions(bs, ctxs, conts, labels)
                print(f"| {form} | {gib:g} | {name} | {m['batches']} | {m['prefix']:,} | {m['own']:,} | {m['rest']:,} | "
                      f"{m['total'] / 1e6:.2f} | {m['total'] / ideal:.2f} | {m['attention'] / 1e9:.1f} |", flush=True)


if __name__ == '__main__': main()
