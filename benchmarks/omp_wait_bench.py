"""OpenMP's wait policy on a busy CPU: the embedded SmolLM2's forward passes with torch's default (threads spin while
they wait) and with `OMP_WAIT_POLICY=PASSIVE` (what `tradeoff.config` sets), side by side, with `--load` competing
busy processes started on purpose (plus whatever else the machine is doing, which the table reports as the load
average). Each setting runs in a fresh process, since OpenMP reads the policy when torch starts.

    python benchmarks/omp_wait_bench.py --load 1 --repeats 2
"""
import argparse, multiprocessing, os, subprocess, sys, time

CHILD = """
import os, sys, time, torch  # torch first: OpenMP reads the policy from the environment it starts with
from transformers import AutoModelForCausalLM
from tradeoff.models import embedded_model_dir
m = AutoModelForCausalLM.from_pretrained(embedded_model_dir(), dtype=torch.float32).eval()
x = torch.randint(0, 1000, (4, 256))
with torch.inference_mode():
    m(x)
    t0 = time.perf_counter()
    for _ in range({steps}): m(x)
print(torch.get_num_threads(), time.perf_counter() - t0)
"""


def spin(stop):
    "A busy process: what another user's job looks like to OpenMP."
    while not stop.is_set(): pass


def run(policy: str, steps: int) -> tuple[int, float]:
    env = {k: v for k, v in os.environ.items() if k != 'OMP_WAIT_POLICY'}
    if policy != 'default': env['OMP_WAIT_POLICY'] = policy
    out = subprocess.run([sys.executable, '-c', CHILD.format(steps=steps)], env={**env, 'HF_HUB_OFFLINE': '1'}, capture_output=True, text=True)
    if out.returncode: raise RuntimeError(out.stderr[-2000:])
    threads, secs = out.stdout.split()[-2:]
    return int(threads), float(secs)


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument('--load', type=int, default=1, help='busy processes to start beside the measurement')
    p.add_argument('--steps', type=int, default=6, help='forward passes (batch 4 x 256 tokens) per measurement')
    p.add_argument('--repeats', type=int, default=2, help='measurements per policy, alternating')
    a = p.parse_args()
    stop = multiprocessing.Event()
    busy = [multiprocessing.Process(target=spin, args=(stop,), daemon=True) for _ in range(a.load)]
    for b in busy: b.start()
    rows = []
    try:
        for r in range(a.repeats):
            for policy in ('default', 'PASSIVE'):
                threads, secs = run(policy, a.steps)
                rows.append((policy, r + 1, threads, secs, os.getloadavg()[0]))
    finally:
        stop.set()
        for b in busy: b.join()
    print(f'| OMP_WAIT_POLICY | run | torch threads | seconds for {a.steps} forwards | load average (1 min) |')
    print('|---|---|---|---|---|')
    for policy, r, threads, secs, load in rows: print(f'| {policy} | {r} | {threads} | {secs:.1f} | {load:.1f} |')
    best = {pol: min(s for q, _, _, s, _ in rows if q == pol) for pol in ('default', 'PASSIVE')}
    print(f"\nbest of each: default {best['default']:.1f} s, PASSIVE {best['PASSIVE']:.1f} s "
          f"({best['default'] / best['PASSIVE']:.2f}x) with {a.load} busy process(es) on {os.cpu_count()} cores")


if __name__ == '__main__': main()
