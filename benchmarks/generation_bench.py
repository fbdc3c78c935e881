"""Benchmark: the seed's generation loop against the batched engine (tradeoff.lm), same model, same prompts.

Usage: python benchmarks/generation_bench.py [--preset demo] [--n 32] [--batch-size 16] [--out results.json]
The seed loop calls `model.generate` once per question with `max_new_tokens=150` and no stop criterion (the
model's EOS still ends it); the engine decodes greedily in length-sorted, left-padded batches and stops each
answer at the end of its SQL statement. Both get the same `sql_prompt` prompts. Prints a markdown table: items/s,
generated tokens/s, peak memory (process RSS on CPU, torch.cuda.max_memory_allocated on GPU), speedup, and how
many answers agree (the seed loop's output cut where the engine stops)."""
import argparse, json, os, platform, sys, time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
for k in ('HF_HUB_OFFLINE', 'HF_DATASETS_OFFLINE'): os.environ.setdefault(k, '1')
import torch
from tradeoff.config import load_config
from tradeoff.data import load_spider, sample_items
from tradeoff.machine import hardware_summary
from tradeoff.runs import library_versions
from tradeoff.lm import LM
from tradeoff.generation import build_sql_prompt, answer_end, SQL_STOP
from peak_memory import PeakMemory  # benchmarks/peak_memory.py


def seed_loop(lm: LM, prompts: list, max_new_tokens: int = 150) -> tuple[list, list]:
    "The seed's way: one `generate` call per prompt, no stop criterion."
    texts, counts = [], []
    for p in prompts:
        enc = lm.tok(p, return_tensors='pt', add_special_tokens=False).to(lm.device)
        with torch.inference_mode():
            out = lm.model.generate(**enc, max_new_tokens=max_new_tokens, do_sample=False, pad_token_id=lm.tok.pad_token_id)
        new = out[0, enc['input_ids'].shape[1]:].tolist()
        n = next((j + 1 for j, t in enumerate(new) if t in lm.end_ids), len(new))
        texts.append(lm.tok.decode(new[:n], skip_special_tokens=True)); counts.append(n)
    return texts, counts


def engine(lm: LM, prompts: list, max_new_tokens: int) -> tuple[list, list]:
    "The batched engine, in input order."
    texts, counts = [None] * len(prompts), [0] * len(prompts)
    for idx, ts, ns, _ in lm.generate_batches(prompts, max_new_tokens, SQL_STOP):
        for i, t, n in zip(idx, ts, ns): texts[i], counts[i] = t, n
    return texts, counts


def agreement(seed: str, eng: str, n: int, limit: int) -> str:
    "'same' if the engine's answer is the seed loop's cut where the engine stops, 'prefix' if it is its start and the engine ran out of tokens, else 'different'."
    if seed[:answer_end(seed)] == eng: return 'same'
    return 'prefix' if n >= limit and seed.startswith(eng) else 'different'


def timed(fn, lm) -> dict:
    "Run `fn()`, returning its outputs with seconds and peak memory."
    with PeakMemory(lm.device) as mem:
        t0 = time.perf_counter(); texts, counts = fn(); secs = time.perf_counter() - t0
    return dict(texts=texts, counts=counts, seconds=secs, peak_bytes=mem.peak)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('--preset', default='demo', help='preset name or YAML path')
    ap.add_argument('--n', type=int, default=32, help='dev questions (stratified by database; 0: all)')
    ap.add_argument('--batch-size', type=int, default=None, help="engine batch size (default: the preset's gen_batch_size)")
    ap.add_argument('--model', default=None, help="override the preset's model")
    ap.add_argument('--quant', default=None, help="override the preset's quant (none, bf16, 8bit, 4bit)")
    ap.add_argument('--data', default=None, help="override the preset's data (mini, shared, or a folder)")
    ap.add_argument('--shots', type=int, default=None, help="override the preset's sql_shots")
    ap.add_argument('--max-new-tokens', type=int, default=None, help="engine's limit (default: the preset's)")
    ap.add_argument('--seed-tokens', type=int, default=150, help="the seed loop's max_new_tokens")
    ap.add_argument('--seed-n', type=int, default=None, help='time the seed loop on the first N prompts only (it is slow); rates are per item')
    ap.add_argument('--threads', type=int, default=None, help='torch CPU threads (default: torch decides)')
    ap.add_argument('--repeats', type=int, default=3, help='engine runs; the median is reported (the seed loop runs once)')
    ap.add_argument('--out', default='results.json', help='JSON file for the results')
    a = ap.parse_args()
    if a.threads: torch.set_num_threads(a.threads)
    cfg = load_config(a.preset, model=a.model, quant=a.quant, data=a.data, sql_shots=a.shots,
                      gen_batch_size=a.batch_size, max_new_tokens=a.max_new_tokens)
    t0 = time.perf_counter(); lm = LM.from_config(cfg); load_s = time.perf_counter() - t0
    items = sample_items(load_spider(cfg.spider_dir), a.n or None, seed=cfg.seed, by='db_id')
    built = [build_sql_prompt(it, cfg, lm.tok) for it in items]
    prompts = [b['prompt'] for b in built]
    lens = sorted(b['n_tokens'] for b in built)
    print(f"{cfg.model} ({lm.model.dtype}, quant {cfg.quant}) on {hardware_summary()}, torch threads {torch.get_num_threads()}; "
          f"{len(prompts)} prompts from {cfg.spider_dir} with {cfg.sql_shots} shots, prompt tokens median {lens[len(lens)//2]}, "
          f"max {lens[-1]}; engine batch {lm.batch_size}, max_new_tokens {cfg.max_new_tokens}; model loaded in {load_s:.1f} s",
          flush=True)
    lm.generate(prompts[:2], max_new_tokens=4, progress=False)  # warm-up: first-call overheads out of both timings
    seed_name = f'seed loop (1 per generate, {a.seed_tokens} tokens)'
    seed_prompts = prompts[:a.seed_n] if a.seed_n else prompts
    runs = {seed_name: timed(lambda: seed_loop(lm, seed_prompts, a.seed_tokens), lm)}
    print(f"seed loop done in {runs[seed_name]['seconds']:.1f} s", flush=True)
    reps = sorted((timed(lambda: engine(lm, prompts, cfg.max_new_tokens), lm) for _ in range(a.repeats)), key=lambda r: r['seconds'])
    runs[f'engine (batch {lm.batch_size}, stop at end of SQL)'] = reps[len(reps) // 2]
    secs = ', '.join(f"{r['seconds']:.1f}" for r in reps)
    print(f'engine runs: {secs} s (median reported)', flush=True)
    seed, eng = runs.values()
    agree = [agreement(s, e, n, cfg.max_new_tokens) for s, e, n in zip(seed['texts'], eng['texts'], eng['counts'])]  # over the seed loop's items
    same = agree.count('same')
    rows = []
    rate = {name: len(r['texts']) / r['seconds'] for name, r in runs.items()}
    for name, r in runs.items():
        rows.append(dict(method=name, items=len(r['texts']), seconds=round(r['seconds'], 2),
                         items_per_s=round(rate[name], 3), new_tokens=sum(r['counts']),
                         tokens_per_s=round(sum(r['counts']) / r['seconds'], 1), peak_mib=round(r['peak_bytes'] / 2**20),
                         speedup=round(rate[name] / rate[seed_name], 2)))
    print(f"\n| method | items | seconds | items/s | generated tokens/s | peak memory ({'GPU allocated' if lm.device.type == 'cuda' else 'RSS'}, MiB) | speedup |")
    print('|---|---:|---:|---:|---:|---:|---:|')
    for r in rows: print(f"| {r['method']} | {r['items']} | {r['seconds']:.1f} | {r['items_per_s']:.3f} | {r['tokens_per_s']:.1f} | {r['peak_mib']} | {r['speedup']:.1f}x |")
    print(f"\nanswers: {same}/{len(agree)} the same as the seed loop's (cut where the engine stops); "
          f"{agree.count('prefix')} the start of it (the engine hit max_new_tokens {cfg.max_new_tokens}); {agree.count('different')} different")
    res = dict(rows=rows, same_answers=same, agreement=agree, engine_seconds=[r['seconds'] for r in reps], n=len(prompts), prompt_tokens=dict(median=lens[len(lens)//2], max=lens[-1]),
               hardware=hardware_summary(), torch_threads=torch.get_num_threads(), device=str(lm.device),
               dtype=str(lm.model.dtype), load_average=os.getloadavg(), python=platform.python_version(),
               versions=library_versions(), args=vars(a), config=dict(model=cfg.model, quant=cfg.quant, sql_shots=cfg.sql_shots,
               gen_batch_size=cfg.gen_batch_size, max_new_tokens=cfg.max_new_tokens, data=str(cfg.spider_dir)),
               examples=[dict(seed=s, engine=e, agreement=g) for s, e, g in zip(seed['texts'], eng['texts'], agree)])
    Path(a.out).write_text(json.dumps(res, indent=1, default=str))
    print(f'results written to {a.out}')


if __name__ == '__main__': main()
