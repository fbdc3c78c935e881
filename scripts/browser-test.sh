#!/usr/bin/env bash
# Open the docs pages for index and 05 in headless Chromium and check they show the study's table and figure
# (tests/test_docs_pages.py). Installs Chromium with apt-get where it is missing (needs root). The pages are rendered
# into _proc/ (ignored by git); their screenshots (1280 x 4000) and DOM dumps go to $DOCS_SCREENSHOTS (default: a new
# temp folder), printed at the end.
#   bash scripts/browser-test.sh
# The pages show what the notebooks carry: run `bash scripts/docs.sh nbs/05_regression.ipynb nbs/06_report.ipynb nbs/index.ipynb` first.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/.venv/bin:$PATH" HF_HUB_OFFLINE=1 HF_DATASETS_OFFLINE=1 DEEPEVAL_TELEMETRY_OPT_OUT=YES DEEPEVAL_DISABLE_DOTENV=1
if ! command -v chromium >/dev/null; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; fi
export DOCS_SCREENSHOTS="${DOCS_SCREENSHOTS:-$(mktemp -d -t docs-pages-XXXX)}"
python -m pytest -q -p no:warnings tests/test_docs_pages.py
echo "screenshots and DOM dumps in $DOCS_SCREENSHOTS:"; ls "$DOCS_SCREENSHOTS"
