"""scripts/docs_outputs.py, which scripts/docs.sh uses: on a synthetic notebook, the outputs it keeps (tables, figures,
stdout with relative paths) and those it drops (stderr, progress bars, execution counts); the cells it skips."""
import importlib.util, sys, tempfile
from pathlib import Path
import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output

ROOT = Path(__file__).resolve().parents[1]
spec = importlib.util.spec_from_file_location('docs_outputs', ROOT/'scripts'/'docs_outputs.py')
docs_outputs = importlib.util.module_from_spec(spec); spec.loader.exec_module(docs_outputs)
PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=='


def synthetic(root: Path):
    tmp = tempfile.gettempdir()
    run = new_code_cell('run()', execution_count=7, outputs=[
        new_output('stream', name='stdout', text=f"wrote {root}/nbs/runs/demo/base\nstep 1/3\rstep 3/3\n{{'loss': '0.78', 'epoch': '0.1'}}\n"),
        new_output('stream', name='stderr', text='Loading weights: 100%|#####|\n'),
        new_output('display_data', data={'application/vnd.jupyter.widget-view+json': {'model_id': 'x'},
                                          'text/plain': 'HBox(children=(FloatProgress(value=0.0),))'}),
        new_output('display_data', data={'image/png': PNG, 'text/plain': '<Figure size 640x480 with 1 Axes>'}),
        new_output('execute_result', execution_count=7, data={
            'text/html': f'<table><tr><td>{tmp}/tradeoff-04-x1y2/base</td></tr></table>', 'text/plain': 'table'})])
    run.metadata['execution'] = {'iopub.status.busy': '2026-01-01T00:00:00'}
    return new_notebook(cells=[new_markdown_cell('# t'), run,
                               new_code_cell('print(1)', outputs=[new_output('stream', name='stderr', text='warn\n')])])


def test_clean_keeps_tables_figures_and_stdout_without_machine_paths():
    nb = docs_outputs.clean(synthetic(ROOT), ROOT)
    run, warned = nb.cells[1], nb.cells[2]
    assert [o.output_type for o in run.outputs] == ['stream', 'display_data', 'execute_result']  # stderr, widget gone
    assert run.outputs[0].text == 'wrote runs/demo/base\nstep 3/3\n'  # relative to nbs/; a progress line's last state; no trainer log
    assert run.outputs[1].data['image/png'] == PNG
    assert run.outputs[2].data['text/html'] == '<table><tr><td>tmp/base</td></tr></table>'
    assert run.execution_count is None and run.outputs[2].execution_count is None and 'execution' not in run.metadata
    assert warned.outputs == [] and warned.source == 'print(1)'
    nbformat.validate(nb)


def test_relative_paths():
    subs = docs_outputs.path_prefixes(Path('/srv/repo'))
    assert docs_outputs.relative('/srv/repo/nbs/study/x.json', subs) == 'study/x.json'
    assert docs_outputs.relative('/srv/repo/tradeoff/core.py and /srv/repo/nbs', subs) == '../tradeoff/core.py and .'
    assert docs_outputs.relative('/srv/shared/data and /srvx', subs) == '../../shared/data and /srvx'  # beside the repo
    assert docs_outputs.relative(f'{Path.home()}/.cache/tradeoff', subs) == '~/.cache/tradeoff'
    assert ('/', '../../') not in docs_outputs.path_prefixes(Path('/repo'))
    assert docs_outputs.relative(f'{sys.prefix}/lib/x.py', subs) == 'venv/lib/x.py'


def test_skipped():
    c = lambda src, **md: new_code_cell(src, metadata=md)
    assert docs_outputs.skipped(c('#| hide\n#| eval: false\nx'))
    assert docs_outputs.skipped(c('!pip install x', tags=['skip-execution']))
    assert not docs_outputs.skipped(c('#| hide\nx')) and not docs_outputs.skipped(c('x = 1  #| eval: false'))
    assert not docs_outputs.skipped(new_markdown_cell('#| eval: false'))


def test_execute_runs_in_the_folder_and_skips_setup(tmp_path):
    (tmp_path/'here.txt').write_text('found')
    nb = new_notebook(cells=[new_code_cell("print(open('here.txt').read())"),
                             new_code_cell('#| eval: false\nraise SystemExit'),
                             new_code_cell('raise SystemExit', metadata={'tags': ['skip-execution']}),
                             new_code_cell("import sys; print('err', file=sys.stderr); 1 + 1")],
                      metadata={'kernelspec': {'name': 'python3', 'display_name': 'python3', 'language': 'python'}})
    nb = docs_outputs.clean(docs_outputs.execute(nb, tmp_path), tmp_path)
    assert nb.cells[0].outputs[0].text == 'found\n'
    assert nb.cells[1].outputs == [] and 'tags' not in nb.cells[1].metadata  # the lent tag is given back
    assert nb.cells[2].metadata.tags == ['skip-execution'] and nb.cells[2].outputs == []
    assert [o.output_type for o in nb.cells[3].outputs] == ['execute_result'] and nb.cells[3].outputs[0].data['text/plain'] == '2'
