"""Benchmark: Spider dev generation on one GPU: the engine's fixed-buffer decoder against its loop and plain `generate`.

Usage: python benchmarks/decode_bench.py [--preset smollm2-gpu] [--model DIR] [--n 0] [--peer-n 256] [--batch-size 128]
       [--methods generate,loop,static,static-auto] [--out results.json]

Every method answers the same prompts (chapter 01's `build_sql_prompt`) in the same order and batches:
- `generate`: transformers' `model.generate` (greedy, its dynamic cache), left-padded batches, stopping at an end token;
  what a user would otherwise write.
- `loop`: the engine's step-by-step loop (`LM._generate_batch`, the path before fixed buffers).
- `static`: fixed buffers, one CUDA graph replay a step (`LM._generate_static`), batches of `--batch-size`.
- `static-auto`: the same with batches sized from free memory (`gen_batch_size: 0`).
The peers run on the first `--peer-n` prompts (a stratified sample), `static` on those and on all `--n`; rates are per
question and per generated token, so rows on different counts compare. The floor beside them: each decode step reads
the weights once and every live row's keys and values once, at the copy bandwidth measured here; prefill does 2 FLOPs
per parameter and prompt token at the bf16 matrix rate measured here (shared prefixes not discounted).
Random weights never stop, so every answer runs to max_new_tokens: the worst case.
"""
import argparse, json, os, sys, time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
for k in ('HF_HUB_OFFLINE', 'HF_DATASETS_OFFLINE'): os.environ.setdefault(k, '1')
import torch
from tradeoff.config import load_config
from tradeoff.data import load_spider, sample_items
from tradeoff.machine import hardware_summary
from tradeoff.runs import library_versions
from tradeoff.lm import LM
from tradeoff.batching import batch_order
from tradeoff.generation import build_sql_prompt, SQL_STOP


def ceilings(dev) -> dict:
    "Copy bandwidth (bytes read + written per second) and bf16 matrix rate, measured on `dev`."
    x, y = torch.empty(2**30, dtype=torch.uint8, device=dev), torch.empty(2**30, dtype=torch.uint8, device=dev)
    a, b = (torch.randn(8192, 8192, dtype=torch.bfloat16, device=dev) for _ in range(2))
    def timed(fn, n):
        fn(); torch.cuda.synchronize(); t0 = time.perf_counter()
        for _ in range(n): fn()
        torch.cuda.synchronize(); return (time.perf_counter() - t0) / n
    bw = 2 * x.numel() / timed(lambda: y.copy_(x), 20)
    flops = 2 * 8192**3 / timed(lambda: a @ b, 20)
    return dict(copy_bytes_per_s=bw, bf16_flops_per_s=flops)


def floor_seconds(lm, ids, counts, batches, ceil) -> float:
    "The arithmetic floor: decode steps' bytes (weights + live rows' cache) at the copy rate, prefill FLOPs at the matrix rate."
    wbytes = sum(p.numel() * p.element_size() for p in lm.model.parameters())
    params = sum(p.numel() for p in lm.model.parameters())
    step_bytes = sum(max(counts[i] for i in b) * wbytes + sum(sum(len(ids[i]) + s for s in range(counts[i]))
                                                             * lm.kv_bytes for i in b) for b in batches)
    prefill = 2 * params * sum(map(len, ids))
    return step_bytes / ceil['copy_bytes_per_s'] + prefill / ceil['bf16_flops_per_s']


def plain_generate(lm, ids, batches, max_new_tokens):
    "transformers' generate on the same batches, left-padded; tokens up to and with the first end token."
    counts = [0] * len(ids)
    for b in batches:
        width = max(len(ids[i]) for i in b)
        inp = torch.tensor([[lm.tok.pad_token_id] * (width - len(ids[i])) + ids[i] for i in b], device=lm.device)
        att = torch.tensor([[0] * (width - len(ids[i])) + [1] * len(ids[i]) for i in b], device=lm.device)
        with torch.inference_mode():
            out = lm.model.generate(input_ids=inp, attention_mask=att, max_new_tokens=max_new_tokens, do_sample=False,
                                    eos_token_id=lm.end_ids, pad_token_id=lm.tok.pad_token_id)
        for i, row in zip(b, out[:, width:].tolist()):
            counts[i] = next((j + 1 for j, t in enumerate(row) if t in lm.end_ids), len(row))
    return counts


def engine(lm, ids, batches, max_new_tokens, static):
    "The engine's loop or its fixed-buffer decoder on the same batches: texts and generated tokens, in input order."
    texts, counts = [None] * len(ids), [0] * len(ids)
    run = lm._generate_static if static else lm._generate_batch
    for b in batches:
        ts, ns = run([ids[i] for i in b], max_new_tokens, SQL_STOP)
        for i, t, n in zip(b, ts, ns): texts[i], counts[i] = t, n
    return texts, counts


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('--preset', default='smollm2-gpu'); ap.add_argument('--model', default=None)
    ap.add_argument('--quant', default='bf16'); ap.add_argument('--data', default='shared')
    ap.add_argument('--n', type=int, default=0, help='dev questions for the fixed-buffer rows (0: all 1034)')
    ap.add_argument('--peer-n', type=int, default=256, help='questions every method answers')
    ap.add_argument('--batch-size', type=int, default=128)
    ap.add_argument('--methods', default='generate,loop,static,static-auto')
    ap.add_argument('--out', default=None)
    a = ap.parse_args()
    cfg = load_config(a.preset, model=a.model, quant=a.quant, data=a.data)
    t0 = time.perf_counter(); lm = LM.from_config(cfg); load_s = time.perf_counter() - t0
    items = load_spider(cfg.spider_dir)
    items = sample_items(items, a.n, seed=cfg.seed, by='db_id') if a.n else items
    peer = sample_items(items, a.peer_n, seed=cfg.seed, by='db_id') if a.peer_n < len(items) else items
    enc = lambda its: lm.tok([build_sql_prompt(it, cfg, lm.tok)['prompt'] for it in its], add_special_tokens=False).input_ids
    sets = dict(peer=enc(peer), all=enc(items))
    ceil = ceilings(lm.device)
    print(f"{cfg.model} ({lm.model.dtype}) on {hardware_summary()}; {len(items)} questions ({len(peer)} for the peers), "
          f"{cfg.sql_shots} shots, max_new_tokens {cfg.max_new_tokens}; loaded in {load_s:.1f} s; copy "
          f"{ceil['copy_bytes_per_s'] / 1e12:.2f} TB/s, bf16 {ceil['bf16_flops_per_s'] / 1e12:.0f} TFLOP/s", flush=True)
    lm._generate_static(sets['peer'][:4], 8, SQL_STOP); lm._generate_batch(sets['peer'][:4], 8, SQL_STOP)  # warm-up
    rows, answers = [], {}
    for m in a.methods.split(','):
        for which in (('peer', 'all') if m.startswith('static') and a.peer_n < len(items) else ('peer',)):
            ids = sets[which]
            lm.batch_size = 0 if m == 'static-auto' else a.batch_size
            batches = lm._batches(ids, batch_order(ids), cfg.max_new_tokens)
            torch.cuda.synchronize(); torch.cuda.reset_peak_memory_stats(); t0 = time.perf_counter()
            if m == 'generate': texts, counts = None, plain_generate(lm, ids, batches, cfg.max_new_tokens)
            else: texts, counts = engine(lm, ids, batches, cfg.max_new_tokens, m.startswith('static'))
            torch.cuda.synchronize(); dt = time.perf_counter() - t0
            if texts and which == 'peer': answers[m] = texts
            fl = floor_seconds(lm, ids, counts, batches, ceil)
            rows.append(dict(method=m, questions=len(ids), batches=len(batches), seconds=round(dt, 2),
                             q_per_s=round(len(ids) / dt, 1), tokens_per_s=round(sum(counts) / dt),
                             new_tokens=sum(counts), floor_s=round(fl, 2), x_floor=round(dt / fl, 1),
                             peak_gib=round(torch.cuda.max_memory_allocated() / 2**30, 1)))
            print(rows[-1], flush=True)
    base = next((r for r in rows if r['method'] == 'generate'), None)
    print('\n| method | questions | batches | seconds | questions/s | generated tokens/s | vs generate | floor (s) | x floor | peak GiB |')
    print('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|')
    for r in rows:
        vs = f"{r['q_per_s'] / base['q_per_s']:.1f}x" if base else ''
        print(f"| {r['method']} | {r['questions']} | {r['batches']} | {r['seconds']} | {r['q_per_s']} | {r['tokens_per_s']} | "
              f"{vs} | {r['floor_s']} | {r['x_floor']} | {r['peak_gib']} |")
    if 'loop' in answers and 'static' in answers:
        same = sum(x == y for x, y in zip(answers['loop'], answers['static']))
        print(f"\nanswers: static equals the loop on {same}/{len(answers['loop'])} (bf16: different kernels may flip a near-tie)")
    if a.out: Path(a.out).write_text(json.dumps(dict(rows=rows, ceilings=ceil, hardware=hardware_summary(),
                                                     versions=library_versions(), args=vars(a)), indent=1))


if __name__ == '__main__': main()
