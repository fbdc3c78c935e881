"""Execute a notebook for the docs and keep its outputs small and clean (used by scripts/docs.sh).
  python scripts/docs_outputs.py NOTEBOOK [--no-execute]
Runs NOTEBOOK top to bottom in a fresh kernel with its own folder as cwd, skipping the cells a reader's run skips
(tagged `skip-execution`, or `#| eval: false`), then cleans what it wrote: no stderr, progress bars, widgets or trainer
log lines, no machine paths, no execution counts. Sources are never changed."""
import os, re, sys, tempfile
from pathlib import Path
import nbformat
from tradeoff.study import directives  # the study runner's reading of nbdev directives

SKIP = 'skip-execution'  # nbclient skips cells with this tag; we lend it to `#| eval: false` cells while executing

def skipped(cell) -> bool:
    "Whether a reader's run of the notebook leaves `cell` alone."
    if cell.cell_type != 'code': return False
    return SKIP in cell.metadata.get('tags', []) or any(re.fullmatch(r'eval:\s*false', d) for d in directives(cell.source))

def execute(nb, cwd: Path):
    "Run `nb` in a fresh kernel in `cwd`, skipping `skipped` cells; their tags are as before afterwards."
    from nbclient import NotebookClient
    lent = [c for c in nb.cells if skipped(c) and SKIP not in c.metadata.get('tags', [])]
    for c in lent: c.metadata.setdefault('tags', []).append(SKIP)
    try: NotebookClient(nb, timeout=None, resources={'metadata': {'path': str(cwd)}}, skip_cells_with_tag=SKIP).execute()
    finally:
        for c in lent:
            c.metadata.tags.remove(SKIP)
            if not c.metadata.tags: del c.metadata['tags']
    return nb

def path_prefixes(root: Path) -> list[tuple[str, str]]:
    """Machine paths and what replaces them, most specific first: the notebooks' folder (the cwd), the repo, the venv,
    temp dirs, the folder beside the repo (`shared/data` is found there), home."""
    root, tmp = root.resolve(), re.escape(tempfile.gettempdir().rstrip('/'))
    subs = [(re.escape(f'{root}/nbs/'), ''), (re.escape(f'{root}/nbs'), '.'), (re.escape(str(root)), '..'),
            (re.escape(sys.prefix), 'venv'), (tmp + r'/[^/\s\'"]+', 'tmp')]
    if root.parent.parent != root.parent: subs.append((re.escape(f'{root.parent}/'), '../../'))  # never all of `/`
    return subs + [(re.escape(str(Path.home())), '~')]

def relative(text: str, prefixes) -> str:
    for pat, rep in prefixes: text = re.sub(pat, rep, text)
    return text

def last_frame(text: str) -> str:
    "Stream text as a terminal shows it: of each line rewritten with `\\r`, only its last version."
    return '\n'.join(l.rstrip('\r').split('\r')[-1] for l in text.split('\n'))

TRAINER_LOG = re.compile(r"\{'(loss|eval_\w+|train_runtime|train_loss)': .*\}")  # what transformers prints without tqdm

def without_logs(text: str) -> str: return ''.join(l for l in text.splitlines(True) if not TRAINER_LOG.fullmatch(l.strip()))

def clean_output(o, prefixes):
    "`o` without noise and machine paths, or None where nothing is worth keeping."
    if o.output_type == 'stream':
        if o.name == 'stderr': return None
        o.text = relative(without_logs(last_frame(o.text)), prefixes)
        return o if o.text.strip() else None
    if o.output_type in ('display_data', 'execute_result'):
        if not o.data or any('widget' in k for k in o.data): return None  # progress bars and other widgets
        for k, v in o.data.items():
            if k.startswith('text/') or k.endswith(('json', 'javascript')): o.data[k] = relative(v, prefixes) if isinstance(v, str) else v
        o.pop('transient', None)
        if 'execution_count' in o: o.execution_count = None
    if o.output_type == 'error': o.traceback = [relative(t, prefixes) for t in o.traceback]
    return o

def clean(nb, root: Path):
    "`nb` with small, clean outputs: see `clean_output`; execution counts and execution timings dropped."
    prefixes = path_prefixes(root)
    for c in nb.cells:
        if c.cell_type != 'code': continue
        c.execution_count = None
        c.metadata.pop('execution', None)
        c.outputs = [o for o in (clean_output(o, prefixes) for o in c.outputs) if o is not None]
    return nb

if __name__ == '__main__':
    path = Path(sys.argv[1]).resolve()
    nb = nbformat.read(path, as_version=4)
    if '--no-execute' not in sys.argv: execute(nb, path.parent)
    nbformat.write(clean(nb, Path(__file__).resolve().parents[1]), path)
