"""A chapter opened in Colab: the package installed, no checkout around the notebook, and "Run all".

The last cell of every notebook exports the package with nbdev, which only a checkout has: in Colab (or in a copy of
the notebook) it must do nothing rather than fail. And a study run from a notebook with no checkout (chapter 07 in
Colab) finds its chapters by fetching them from the repository's archive, here a local copy of it, while relative
output folders start at the working directory (or on a mounted Google Drive, tested in chapter 00_config)."""
import json, os, shutil, subprocess, sys, tarfile
from pathlib import Path
import pytest

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((ROOT/'nbs').glob('*.ipynb'))


def source(c) -> str: return ''.join(c['source'])


@pytest.mark.parametrize('path', [p for p in NOTEBOOKS if p.stem != 'index'], ids=lambda p: p.stem)
def test_last_cell_exports_only_in_a_checkout(path, tmp_path):
    from IPython.core.inputtransformer2 import TransformerManager
    last = json.loads(path.read_text())['cells'][-1]
    code = TransformerManager().transform_cell(source(last))
    assert 'nbdev_export()' in code and '#| eval: false' in source(last)  # nbdev_test and the study runner skip it
    (tmp_path/'content').mkdir()
    r = subprocess.run([sys.executable, '-c', code], cwd=tmp_path/'content', capture_output=True, text=True,
                       env={**os.environ, 'PYTHONPATH': ''})
    assert r.returncode == 0 and not r.stdout, r.stderr  # as in Colab: no checkout, no nbdev run, no error


def test_study_without_a_checkout_fetches_its_chapters(tmp_path):
    site, content = tmp_path/'site-packages', tmp_path/'content'
    shutil.copytree(ROOT/'tradeoff', site/'tradeoff', ignore=shutil.ignore_patterns('__pycache__'))  # as pip installs it
    content.mkdir()
    with tarfile.open(tmp_path/'repo.tar.gz', 'w:gz') as t:  # the repository's archive, as GitHub serves it
        for nb in (ROOT/'nbs').glob('0*.ipynb'): t.add(nb, arcname=f'tradeoff-main/nbs/{nb.name}')
    code = ('import sys, json; from tradeoff.study import find_notebooks; from tradeoff.config import load_config\n'
            'print(json.dumps({k: str(v) for k, v in find_notebooks(url=sys.argv[1]).items()}))\n'
            'print(load_config("demo").out_path)')
    env = {**os.environ, 'PYTHONPATH': str(site), 'TRADEOFF_CACHE': str(tmp_path/'cache'), 'TRADEOFF_NBS': ''}
    r = subprocess.run([sys.executable, '-c', code, (tmp_path/'repo.tar.gz').as_uri()], cwd=content,
                       capture_output=True, text=True, env=env)
    assert r.returncode == 0, r.stderr[-3000:]
    found, out = json.loads(r.stdout.splitlines()[0]), Path(r.stdout.splitlines()[1])
    assert sorted(found) == ['02', '03', '04', '06']
    for k, p in found.items():
        assert Path(p).parent.parent == tmp_path/'cache'/'chapters' and Path(p).read_bytes() == next((ROOT/'nbs').glob(f'{k}_*.ipynb')).read_bytes()
    assert out == content.resolve()/'runs'/'demo'  # the working directory: Colab's /content (without Google Drive)
