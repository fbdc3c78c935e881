#!/usr/bin/env bash
# README.md from nbs/index.ipynb. `nbdev_readme` does this through Quarto; where Quarto is not installed, this
# script does the same with nbconvert: execute the index (its outputs are committed, as nbdev expects), then convert
# it to markdown without executing it again, dropping `#| hide` cells as nbdev's processors do.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/.venv/bin:$PATH" HF_HUB_OFFLINE=1
jupyter nbconvert --to notebook --execute --inplace nbs/index.ipynb
nbdev_clean --fname nbs/index.ipynb
if command -v quarto >/dev/null; then nbdev_readme; exit; fi
python - <<'PY'
# As nbdev's processors do: drop `#| hide` cells, show only the output of `#| echo: false` cells.
import re, nbformat
from pathlib import Path
from nbconvert import MarkdownExporter
nb = nbformat.read('nbs/index.ipynb', as_version=4)
flags = lambda c: [l for l in c.source.splitlines() if l.startswith('#|')]
nb.cells = [c for c in nb.cells if not any(re.match(r'#\|\s*hide', l) for l in flags(c))]
for c in nb.cells:
    if any(re.match(r'#\|\s*echo:\s*false', l) for l in flags(c)): c.metadata.setdefault('tags', []).append('remove_input')
exp = MarkdownExporter(config={'TagRemovePreprocessor': {'enabled': True, 'remove_input_tags': ['remove_input']}})
body, res = exp.from_notebook_node(nb, resources={'output_files_dir': 'README_files'})
for old in Path('README_files').glob('*'): old.unlink()
for name, data in res['outputs'].items(): Path(name).parent.mkdir(exist_ok=True); Path(name).write_bytes(data)
Path('README.md').write_text(body)
PY
echo "README.md written from nbs/index.ipynb"
