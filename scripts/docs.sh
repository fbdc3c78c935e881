#!/usr/bin/env bash
# Store the chapters' outputs in the committed notebooks, for the docs site and the repository's readers (Quarto does
# not execute .ipynb files: what a page shows under a code cell is what the notebook carries).
#   bash scripts/docs.sh                           # every chapter (nbs/0*_*.ipynb) in order, then the index
#   bash scripts/docs.sh nbs/03_sql_eval.ipynb     # one or more notebooks
# Each notebook runs top to bottom in a fresh kernel with cwd nbs/, skipping its Colab setup (`skip-execution`,
# `#| eval: false`); without a GPU the chapters choose the CPU demo themselves (`auto_preset`), which writes to
# runs/demo (ignored by git), where the README's study command writes too: finished work there (a trained adapter,
# an evaluated model) is found and reused, so running that command first saves the chapters' training.
# Then scripts/docs_outputs.py drops stderr, progress bars, machine paths and execution counts, and nbdev_clean
# tidies the metadata (clear_all=False in settings.ini: outputs stay). Sources are never changed; safe to rerun.
# On 2 shared CPU cores: the 00 chapters 25 s (measured before 00_batching and 00_lm, which take 7 s each under nbdev_test), 01 2.5 min, 02 13 min (trains the demo adapter), 03 20 s, 05 and index under a minute.
# 04 also scores 285 real MMLU questions where the real data is found (shared/data, TRADEOFF_DATA): most of an hour
# on 2 busy cores; `TRADEOFF_DATA=/nonexistent bash scripts/docs.sh ...` skips that cell (it then says so).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/.venv/bin:$PATH" HF_HUB_OFFLINE=1 HF_DATASETS_OFFLINE=1 TOKENIZERS_PARALLELISM=false
export TQDM_DISABLE=1 HF_HUB_DISABLE_PROGRESS_BARS=1 TRANSFORMERS_VERBOSITY=error DEEPEVAL_TELEMETRY_OPT_OUT=YES
unset IN_TEST TRADEOFF_STUDY  # a reader's run, not a test's (smaller) nor a study's (its own models only)
if [ $# -eq 0 ]; then set -- nbs/0*_*.ipynb nbs/index.ipynb; fi
for nb in "$@"; do
  start=$SECONDS
  python scripts/docs_outputs.py "$nb"
  nbdev_clean --fname "$nb"
  echo "$nb: outputs stored in $((SECONDS - start)) s"
done
