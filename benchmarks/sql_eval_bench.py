"""Benchmark: scoring the 1034 Spider dev predictions by execution (tradeoff.sqleval.score_predictions).

Usage: python benchmarks/sql_eval_bench.py [--spider-dir DIR] [--repeats 3]
Scenarios: the gold queries as predictions (all correct); each item answered with another gold query of the same
database (mostly wrong: exercises the comparison); and the gold queries with every 100th replaced by an endless
query that the timeout (0.5 s here) must stop, as a weak model's cartesian products are. Each is timed with 1 and 2
worker processes, with the caches (gold results, difficulty levels) empty (cold) and filled by a previous run
(warm). Prints a markdown table of median wall-clock seconds."""
import argparse, os, platform, random, statistics, sys, time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from tradeoff.config import shared_data_dir
from tradeoff.data import load_spider
import tradeoff.sqleval as se


def scenarios(items: list) -> dict:
    "Prediction lists to time, by name."
    rng, by_db = random.Random(0), {}
    for it in items: by_db.setdefault(it['db_id'], []).append(it['query'])
    endless = 'WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT count(*) FROM c'
    return {'gold as prediction': [it['query'] for it in items],
            'other gold of the same db': [rng.choice(by_db[it['db_id']]) for it in items],
            'gold, 1% endless (timeout 0.5 s)': [endless if i % 100 == 50 else it['query'] for i, it in enumerate(items)]}


def time_once(items, preds, spider_dir, workers: int, warm: bool, timeout: float) -> tuple[float, list]:
    "Seconds to score `preds` once, after emptying (cold) or filling (warm) the caches."
    se._GOLD.clear(); se.sql_hardness.cache_clear()
    if warm: se.score_predictions(items, preds, spider_dir, timeout=timeout, workers=workers, extract=False)
    t0 = time.perf_counter()
    recs = se.score_predictions(items, preds, spider_dir, timeout=timeout, workers=workers, extract=False)
    return time.perf_counter() - t0, recs


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('--spider-dir', default=None, help='Spider folder (default: ../shared/data/spider)')
    ap.add_argument('--repeats', type=int, default=3)
    args = ap.parse_args()
    sd = Path(args.spider_dir) if args.spider_dir else (shared_data_dir() or sys.exit('no Spider data found'))/'spider'
    items = load_spider(sd, 'dev')
    print(f'{len(items)} dev items, {sd}; {os.cpu_count()} cores (load average {os.getloadavg()[0]:.1f}), '
          f'Python {platform.python_version()}, SQLite {se.sqlite3.sqlite_version}; median of {args.repeats} runs\n')
    print('| predictions | workers | gold cache | seconds | items/s | correct / evaluable |')
    print('|---|---|---|---|---|---|')
    for name, preds in scenarios(items).items():
        for workers in (1, 2):
            for warm in (False, True):
                runs = [time_once(items, preds, sd, workers, warm, 0.5 if 'endless' in name else 10.0) for _ in range(args.repeats)]
                secs = statistics.median(t for t, _ in runs)
                m = se.spider_metrics(runs[0][1])
                print(f"| {name} | {workers} | {'warm' if warm else 'cold'} | {secs:.2f} | {len(items) / secs:.0f} | "
                      f"{m['correct']} / {m['n']} |")


if __name__ == '__main__': main()
