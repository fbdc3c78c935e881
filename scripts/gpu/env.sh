# The environment the offline-GPU scripts (scripts/gpu/, benchmarks/gpu/) run in, sourced from the repository root:
# the bundle of scripts/gpu/bundle.sh (BUNDLE, default .devdeps) and this checkout on PYTHONPATH (then EXTRA_PATH,
# if set), no hub calls, unbuffered output, and TRADEOFF_DATA (if set) as an absolute path, since the study changes
# directory into the notebooks.
export PYTHONPATH=$PWD/${BUNDLE:-.devdeps}:$PWD${EXTRA_PATH:+:$EXTRA_PATH} HF_HUB_OFFLINE=1 HF_DATASETS_OFFLINE=1 PYTHONUNBUFFERED=1
if [ -n "${TRADEOFF_DATA:-}" ]; then export TRADEOFF_DATA=$(realpath "$TRADEOFF_DATA"); fi
