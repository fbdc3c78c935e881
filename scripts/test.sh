#!/usr/bin/env bash
# Run every test: the notebooks (nbdev_test, unflagged cells) and the pytest suite. Fails when any test fails.
# Offline by design: tests never reach the Hugging Face hub.
set -euo pipefail
cd "$(dirname "$0")/.."
# One thread per notebook: nbdev_test runs notebooks side by side, and two-thread OpenMP spin-waits then starve each other.
export HF_HUB_OFFLINE=1 HF_DATASETS_OFFLINE=1 DEEPEVAL_TELEMETRY_OPT_OUT=YES DEEPEVAL_DISABLE_DOTENV=1 TOKENIZERS_PARALLELISM=false OMP_NUM_THREADS=1 OMP_WAIT_POLICY=PASSIVE
export PATH="$PWD/.venv/bin:$PATH"
start=$SECONDS
nbdev_export
git diff --exit-code --stat -- tradeoff || { echo "tradeoff/ differs from what nbdev_export writes: export and commit"; exit 1; }
nbdev_test --do_print --timing "$@"
echo "notebooks passed in $((SECONDS - start)) s"
python -m pytest -q tests
