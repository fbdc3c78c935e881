"""Where a study's GPU time went, from its own files: the runner's ledger and the training manifests.

    python benchmarks/study_time.py nbs/study/smollm2-seeds [--lanes 3] [--target-s 900]

Per configuration: its trainings' seconds (a training resumed across calls is timed by its manifest for the last run
only, so its whole training is estimated as tokens seen / that run's tokens per second), and its models' scoring
seconds (Spider, MMLU), final models and curve models apart. The seconds are lane-seconds: each step's wall time in
its lane, with the other lanes of its call running beside it on the same card. Their sum over `--lanes` is the wall
time of the whole study with that many lanes kept busy, which the last line sets against `--target-s`.
"""
import argparse
from collections import defaultdict
from pathlib import Path
from tradeoff.runs import read_ledger, read_manifest, parse_tag, seed_of, eval_of, MANIFEST


def study_seconds(study) -> dict:
    "{configuration: {column: seconds or count}} from the ledger and manifests of `study`."
    study, rows = Path(study), defaultdict(lambda: defaultdict(float))
    for d in sorted(p for p in study.iterdir() if (p/MANIFEST).exists()):  # every training (a ledger may lack one)
        m = read_manifest(study, d.name)
        whole = m['tokens_seen'] / m['tokens_per_second'] if m.get('resumed_from') else m['wall_seconds']
        r = rows[seed_of(d.name)[0]]; r['trainings'] += 1; r['training s'] += whole; r['tokens (M)'] += m['tokens_seen'] / 1e6
    for key, e in read_ledger(study).items():
        nb, tag = key.split(':', 1)
        t = parse_tag(eval_of(tag)[0])  # a repeated scoring counts with the model it scores again
        cfg = seed_of(t['config'])[0]
        if nb in ('03', '04'):
            kind = 'curve' if t['kind'] in ('checkpoint', 'alpha') else 'final'
            rows[cfg][f"{kind} {'Spider' if nb == '03' else 'MMLU'} s"] += e['seconds']
            if nb == '03': rows[cfg][f'{kind} models'] += 1
    return {c: dict(r) for c, r in rows.items()}


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('study'); ap.add_argument('--lanes', type=int, default=3); ap.add_argument('--target-s', type=float, default=900)
    a = ap.parse_args()
    rows = study_seconds(a.study)
    cols = ['trainings', 'tokens (M)', 'training s', 'final models', 'final Spider s', 'final MMLU s', 'curve models',
            'curve Spider s', 'curve MMLU s']
    total = {c: sum(r.get(c, 0) for r in rows.values()) for c in cols}
    fmt = lambda c, v: f'{v:,.0f}' if c.endswith(' s') else f'{v:,.1f}' if c.startswith('tokens') else f'{v:g}'
    print('| configuration | ' + ' | '.join(cols) + ' | lane-seconds |')
    print('|---|' + '---:|' * (len(cols) + 1))
    for name, r in sorted(rows.items()) + [('all', total)]:
        secs = sum(r.get(c, 0) for c in cols if c.endswith(' s'))
        print(f'| {name} | ' + ' | '.join(fmt(c, r.get(c, 0)) for c in cols) + f' | {secs:,.0f} |')
    secs = sum(v for c, v in total.items() if c.endswith(' s'))
    print(f"\n{secs:,.0f} lane-seconds: {secs / a.lanes:,.0f} s of wall time with {a.lanes} lanes always busy, "
          f"{secs / a.lanes / a.target_s:.1f}x the target of {a.target_s:,.0f} s "
          f"(training {total['training s'] / secs:.0%} of it)")


if __name__ == '__main__': main()
