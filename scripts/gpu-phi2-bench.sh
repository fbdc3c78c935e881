#!/usr/bin/env bash
# phi-2-scale throughput on one offline GPU: a randomly initialised model of phi-2's shape (benchmarks/random_model.py)
# through the training and generation benchmarks. Run from the repo root with the bundle of scripts/gpu-bundle.sh:
#   BUNDLE=.devdeps TOK=.devtok TRADEOFF_DATA=.devdata bash scripts/gpu-phi2-bench.sh OUT_DIR
set -u
out=${1:?usage: gpu-phi2-bench.sh OUT_DIR}; mkdir -p "$out"
export PYTHONPATH=$PWD/${BUNDLE:-.devdeps}:$PWD HF_HUB_OFFLINE=1 HF_DATASETS_OFFLINE=1 PYTHONUNBUFFERED=1
export TRADEOFF_DATA=$(realpath "${TRADEOFF_DATA:-.devdata}")
model=${MODEL_DIR:-/tmp/phi2-random}
[ -f "$model/config.json" ] || python3 benchmarks/random_model.py --tokenizer "${TOK:-.devtok}" --out "$model"
nvidia-smi --query-gpu=name,memory.total --format=csv,noheader | tee "$out/card.txt"
# Training: the seed's QLoRA settings against ours (4-bit), and bf16 LoRA.
timeout ${TRAIN_S:-200} python3 benchmarks/train_bench.py --preset phi2-config1 --model "$model" --quant 4bit \
  --steps 5 --warmup 2 --rows 512 --variants seed,grouped-x4 2>&1 | tee "$out/train_4bit.txt"
timeout ${TRAIN_BF16_S:-100} python3 benchmarks/train_bench.py --preset phi2-config1 --model "$model" --quant bf16 \
  --steps 5 --warmup 2 --rows 512 --variants grouped-x4 2>&1 | tee "$out/train_bf16.txt"
# Generation on the whole Spider dev set (1034 questions), the seed loop timed on a few of them.
timeout ${GEN_S:-200} python3 benchmarks/generation_bench.py --preset phi2-config1 --model "$model" --quant bf16 \
  --data shared --n 1034 --seed-n 4 --batch-size 256 --repeats 1 --out "$out/gen_bf16.json" 2>&1 | tee "$out/gen_bf16.txt"
