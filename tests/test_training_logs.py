"""`report_to: tensorboard` sends the training log to TensorBoard while a run goes on, and the loss curve files are
written as before. TensorBoard is not a requirement (nor in the dev install), so it is installed into a temporary
folder (skipped without PyPI) and a tiny model trains for a few steps with it, in a subprocess."""
import os, subprocess, sys
from pathlib import Path
import pytest

ROOT = Path(__file__).resolve().parents[1]

TRAIN = """
import sys, json
from pathlib import Path
from tradeoff.config import load_config
from tradeoff.finetune import finetune
cfg = load_config('demo', model='test:tiny-llama', device='cpu', out_dir=sys.argv[1], train_n=8, epochs=1, batch_size=2,
                  grad_accum=1, save_steps=0, sql_shots=0, report_to='tensorboard')
out = finetune(cfg)
print(json.dumps(dict(out=str(out), steps=json.loads((out/'train_manifest.json').read_text())['steps'])))
"""

READ = """
import sys, json
from tensorboard.backend.event_processing.event_accumulator import EventAccumulator
acc = EventAccumulator(sys.argv[1]); acc.Reload()
print(json.dumps([e.value for e in acc.Scalars('train/loss')]))
"""


def test_tensorboard_receives_the_training_log(tmp_path):
    lib = tmp_path/'lib'
    r = subprocess.run([sys.executable, '-m', 'pip', 'install', '-q', '--target', str(lib), 'tensorboard'],
                       capture_output=True, text=True, timeout=300)
    if r.returncode: pytest.skip(f'tensorboard could not be installed (no PyPI here?): {r.stderr[-300:]}')
    env = {**os.environ, 'PYTHONPATH': os.pathsep.join([str(ROOT), str(lib)]), 'OMP_NUM_THREADS': '1'}
    run = lambda code, *args: subprocess.run([sys.executable, '-c', code, *args], capture_output=True, text=True,
                                             env=env, timeout=600)
    r = run(TRAIN, str(tmp_path/'runs'))
    assert r.returncode == 0, r.stderr[-3000:]
    import json, pandas as pd
    res = json.loads(r.stdout.splitlines()[-1])
    out = Path(res['out'])
    events = sorted(out.rglob('events.out.tfevents.*'))
    assert events, sorted(p.relative_to(out) for p in out.rglob('*'))
    losses = json.loads(run(READ, str(events[0].parent)).stdout)
    loss_csv = pd.read_csv(out/'loss.csv')
    assert len(losses) == res['steps'] == len(loss_csv) == 4  # one value a step, in both places
    assert losses == pytest.approx(loss_csv['loss'].tolist(), rel=1e-4)
    assert (out/'loss.png').exists()
