"""The dependency floors in settings.ini hold, and fastcore 1 and 2 both work at runtime.

fastcore's `@patch` returned None in some releases inside the allowed range (1.7.29, 1.8.0), so a module-level function
and a patched method of the same name left the module's function as None. The static test forbids that pattern in
every module. fastcore 2 (which fastai needs, so Colab has it) removed `fastcore.script.Param` and spells
`call_parse`'s options differently; the package's commands use their own parser (`config.cli_parser`). The last test
installs the lowest fastcore the package allows, then the newest fastcore 2, into a temporary folder (skipped without
PyPI), scores log-likelihoods through `LM` with it, as chapter 04 does, and checks that every `tradeoff-*` command
has the same options and help as under the fastcore of this environment (nbdev 2, the build tool, needs fastcore 1)."""
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


def test_no_fastcore_cap():
    cfg = configparser.ConfigParser(); cfg.read(ROOT/'settings.ini')
    assert re.findall(r'fastcore[^ ]*', cfg['DEFAULT']['requirements']) == [f'fastcore>={fastcore_floor()}']


CHECK = """
import math, fastcore
from tradeoff.lm import LM  # the whole interface, log-likelihoods included
from tradeoff.testing import tiny_model
model, tok = tiny_model('llama')
ll = LM(model, tok, batch_size=2).loglikelihood([('Question: 1+1?\\nAnswer:', ' 2'), ('The capital of France is', ' Paris')])
assert len(ll) == 2 and all(math.isfinite(x) and x < 0 for x in ll), ll
print(fastcore.__version__)
"""

HELP = """
from tradeoff.study import study_cli
from tradeoff.finetune import train_cli
from tradeoff.sqleval import spider_cli, score_file
from tradeoff.mmlu import mmlu_cli
from tradeoff.report import report_cli
from tradeoff.config import cli_parser
for f in (study_cli, train_cli, spider_cli, mmlu_cli, report_cli): print(f.help())
print(cli_parser(score_file, 'tradeoff-sql-eval').format_help())
"""


def run(code: str, *paths) -> subprocess.CompletedProcess:
    env = {**os.environ, 'PYTHONPATH': os.pathsep.join([*map(str, paths), str(ROOT)]), 'HF_HUB_OFFLINE': '1', 'COLUMNS': '100'}
    return subprocess.run([sys.executable, '-c', code], capture_output=True, text=True, env=env, timeout=300)


@pytest.mark.parametrize('which', ['floor', 'fastcore 2'])
def test_runs_under_fastcore(which, tmp_path):
    spec = f'fastcore=={fastcore_floor()}' if which == 'floor' else 'fastcore>=2,<3'
    r = subprocess.run([sys.executable, '-m', 'pip', 'install', '-q', '--no-deps', '--target', str(tmp_path), spec],
                       capture_output=True, text=True, timeout=120)
    if r.returncode: pytest.skip(f'{spec} could not be installed (no PyPI here?): {r.stderr[-300:]}')
    out = run(CHECK, tmp_path)
    assert out.returncode == 0, out.stderr[-3000:]
    version = out.stdout.split()[-1]  # it really ran under the fastcore just installed
    assert version == fastcore_floor() if which == 'floor' else version.startswith('2.'), version
    helps, here = run(HELP, tmp_path), run(HELP)
    assert helps.returncode == 0 and here.returncode == 0, helps.stderr[-3000:] + here.stderr[-3000:]
    assert helps.stdout == here.stdout and '--out-dir' in helps.stdout  # the same options, spelled the same
