#!/usr/bin/env bash
# MMLU's whole test split (5-shot, both formulations) on the embedded model's real weights, on one offline GPU, from the
# repository root, once weights.sh's two halves are on the machine (carry .gguf-a in one call, .gguf-b in the next):
#   TRADEOFF_DATA=.devdata bash benchmarks/gpu/mmlu_check.sh OUT [REF_DIR]
# Times today's scorer against an earlier copy of the package (REF_DIR/old_tradeoff, default .ref: e.g.
# `git archive REV tradeoff | tar -x -C .ref && mv .ref/tradeoff .ref/old_tradeoff`, carried) on every question, each
# at its own batching from free memory, and counts the questions whose prediction they share; then again with
# liger-kernel's fused RMSNorm, rotary and SwiGLU (`mmlu_speed.py --variants`). Real weights, because a model
# with random weights nearly ties on every question and any rounding flips its answers. OUT/mmlu-check.txt.
set -u
out=${1:?usage: benchmarks/gpu/mmlu_check.sh OUT [REF_DIR]}; ref=${2:-.ref}; mkdir -p "$out"
export TRADEOFF_DATA=${TRADEOFF_DATA:-.devdata}
bash scripts/gpu/weights.sh join || exit 3
source scripts/gpu/env.sh
timeout ${LIMIT:-400} python3 benchmarks/mmlu_speed.py --model smollm2 --ref "$ref" --ref-name old_tradeoff \
  --ref-n 14042 --ref-batch-size 0 --variants ${MMLU_VARIANTS:-current,liger} --out "$out/mmlu-check.json" 2>&1 \
  | grep -v -i 'warn' | tee "$out/mmlu-check.txt"
