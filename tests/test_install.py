"""Installing tradeoff beside today's tools changes none of them (issue 24).

A fresh environment that already holds the current fastai, transformers and datasets (as Colab does) is simulated
with pip's resolver, which installs nothing: `pip install --dry-run --report` first resolves the three alone, then
resolves the same three plus this checkout with every package of the first resolution pinned at the version it got.
The second resolution must succeed (pip finds no version of tradeoff's requirements that fits: a cap such as the
former `fastcore<2` or `deepeval==2.9.3` makes it fail) and must leave every pinned package as it was. Skipped, with
the reason, where the package registry cannot be reached. About half a minute with a nearby registry."""
import json, shutil, subprocess, sys
from pathlib import Path
import pytest

ROOT = Path(__file__).resolve().parents[1]
TOOLS = ['fastai', 'transformers', 'datasets']  # what a user (or Colab) already has


def pip(*args, timeout=300) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, '-m', 'pip', *args], capture_output=True, text=True, timeout=timeout)


def resolve(tmp: Path, name: str, *reqs: str, constraints: dict | None = None) -> dict[str, str]:
    "The versions pip would install for `reqs` into an empty environment (nothing is installed): {name: version}."
    extra = []
    if constraints:
        (tmp/f'{name}.txt').write_text(''.join(f'{k}=={v}\n' for k, v in constraints.items()))
        extra = ['-c', str(tmp/f'{name}.txt')]
    r = pip('install', '--dry-run', '--ignore-installed', '--no-build-isolation', '--quiet',
            '--report', str(tmp/f'{name}.json'), *extra, *reqs)
    assert r.returncode == 0, f'pip cannot install {" ".join(reqs)} together:\n{r.stderr[-3000:]}'
    return {i['metadata']['name'].lower().replace('_', '-'): i['metadata']['version']
            for i in json.loads((tmp/f'{name}.json').read_text())['install']}


def checkout_copy(tmp: Path) -> Path:
    "What pip reads of the checkout to know tradeoff's requirements, copied (building it writes beside the sources)."
    dest = tmp/'tradeoff-src'
    dest.mkdir()
    for f in ('setup.py', 'settings.ini', 'README.md'): shutil.copy(ROOT/f, dest/f)
    shutil.copytree(ROOT/'tradeoff', dest/'tradeoff', ignore=shutil.ignore_patterns('__pycache__'))
    return dest


def test_installs_beside_current_fastai_transformers_datasets(tmp_path):
    r = pip('index', 'versions', 'fastai', timeout=60)
    if r.returncode: pytest.skip(f'the package registry cannot be reached: {r.stderr.strip()[-300:]}')
    before = resolve(tmp_path, 'tools', *TOOLS)
    assert {'fastai', 'transformers', 'datasets', 'fastcore', 'torch'} <= set(before)
    after = resolve(tmp_path, 'with-tradeoff', *TOOLS, str(checkout_copy(tmp_path)), constraints=before)
    assert 'tradeoff' in after
    assert {k: after[k] for k in before} == before  # nothing already there moves
    assert 'deepeval' not in after  # an extra now (`tradeoff[deepeval]`), with its LLM-provider SDKs
