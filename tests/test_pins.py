"""The dependency floors in settings.ini hold: the package works with the lowest fastcore it allows.

fastcore's `@patch` returned None in some releases inside the allowed range (1.7.29, 1.8.0), so a module-level function
and a patched method of the same name left the module's function as None. The static test forbids that pattern in
every module; the second installs the floor version into a temporary folder (skipped without PyPI) and scores
log-likelihoods through `LM` with it, as chapter 04 does."""
import ast, configparser, os, re, subprocess, sys
from pathlib import Path
import pytest

ROOT = Path(__file__).resolve().parents[1]


def patched_and_plain(path: Path) -> set[str]:
    "Names defined both as a module-level function and as a `@patch`-decorated function in the module at `path`."
    tree = ast.parse(path.read_text())
    funcs = [n for n in tree.body if isinstance(n, ast.FunctionDef)]
    is_patch = lambda f: any('patch' in ast.unparse(d) for d in f.decorator_list)
    return {f.name for f in funcs if is_patch(f)} & {f.name for f in funcs if not is_patch(f)}


def test_detects_shadowing(tmp_path):
    p = tmp_path/'m.py'
    p.write_text('from fastcore.basics import patch\ndef f(x): pass\n@patch\ndef f(self: int): pass\n@patch\ndef g(self: int): pass\n')
    assert patched_and_plain(p) == {'f'}


@pytest.mark.parametrize('path', sorted((ROOT/'tradeoff').glob('*.py')), ids=lambda p: p.name)
def test_no_patched_method_shadows_a_function(path):
    assert patched_and_plain(path) == set()


def fastcore_floor() -> str:
    cfg = configparser.ConfigParser(); cfg.read(ROOT/'settings.ini')
    return re.search(r'fastcore>=([\d.]+)', cfg['DEFAULT']['requirements'])[1]


CHECK = """
import math, fastcore
import tradeoff.mmlu  # gives LM its log-likelihood methods
from tradeoff.generation import LM
from tradeoff.testing import tiny_model
model, tok = tiny_model('llama')
ll = LM(model, tok, batch_size=2).loglikelihood([('Question: 1+1?\\nAnswer:', ' 2'), ('The capital of France is', ' Paris')])
assert len(ll) == 2 and all(math.isfinite(x) and x < 0 for x in ll), ll
print(fastcore.__version__)
"""


def test_lowest_fastcore(tmp_path):
    floor = fastcore_floor()
    r = subprocess.run([sys.executable, '-m', 'pip', 'install', '-q', '--no-deps', '--target', str(tmp_path), f'fastcore=={floor}'],
                       capture_output=True, text=True, timeout=120)
    if r.returncode: pytest.skip(f'fastcore {floor} could not be installed (no PyPI here?): {r.stderr[-300:]}')
    env = {**os.environ, 'PYTHONPATH': os.pathsep.join([str(tmp_path), str(ROOT)]), 'HF_HUB_OFFLINE': '1'}
    out = subprocess.run([sys.executable, '-c', CHECK], capture_output=True, text=True, env=env, timeout=300)
    assert out.returncode == 0, out.stderr[-3000:]
    assert out.stdout.split()[-1] == floor  # it really ran under the floor version
