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
jupyter nbconvert --to markdown --RegexRemovePreprocessor.patterns="['^#\\| *hide']" \
  --output-dir=_proc/readme --output README nbs/index.ipynb
cp _proc/readme/README.md README.md
echo "README.md written from nbs/index.ipynb"
