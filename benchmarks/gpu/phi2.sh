#!/usr/bin/env bash
# phi-2-scale throughput on one offline GPU: a randomly initialised model of phi-2's shape (benchmarks/random_model.py)
# through the training, generation and MMLU benchmarks. Run from the repo root with the bundle of scripts/gpu/bundle.sh:
#   BUNDLE=.devdeps TOK=.devtok TRADEOFF_DATA=.devdata bash benchmarks/gpu/phi2.sh OUT_DIR [train] [gen] [mmlu]
# (no stage named: all three). Each stage has a time limit (TRAIN_S, GEN_S, MMLU_S seconds); VARIANTS and BF16_VARIANTS
# pick the training variants of benchmarks/train_bench.py (4-bit and bf16).
set -u
out=${1:?usage: benchmarks/gpu/phi2.sh OUT_DIR [train] [gen] [mmlu]}; shift; mkdir -p "$out"
stages=${*:-train gen mmlu}
export TRADEOFF_DATA=${TRADEOFF_DATA:-.devdata}; source scripts/gpu/env.sh
model=${MODEL_DIR:-/tmp/phi2-random}
[ -f "$model/config.json" ] || python3 benchmarks/random_model.py --tokenizer "${TOK:-.devtok}" --out "$model"
nvidia-smi --query-gpu=name,memory.total --format=csv,noheader | tee "$out/card.txt"
has() { [[ " $stages " == *" $1 "* ]]; }
if has train; then  # the seed's QLoRA settings against ours (4-bit), and bf16 LoRA
  timeout ${TRAIN_S:-240} python3 benchmarks/train_bench.py --preset phi2-config1 --model "$model" --quant 4bit \
    --steps 5 --warmup 2 --rows 512 --variants ${VARIANTS:-seed,grouped,grouped-x4} 2>&1 | grep -v Warning | tee "$out/train_4bit.txt"
  timeout ${TRAIN_BF16_S:-120} python3 benchmarks/train_bench.py --preset phi2-config1 --model "$model" --quant bf16 \
    --steps 5 --warmup 2 --rows 512 --variants ${BF16_VARIANTS:-grouped-x4} 2>&1 | grep -v Warning | tee "$out/train_bf16.txt"
fi
if has gen; then  # the whole Spider dev set (1034 questions); the seed loop timed on a few of them
  timeout ${GEN_S:-240} python3 benchmarks/generation_bench.py --preset phi2-config1 --model "$model" --quant bf16 \
    --data shared --n 0 --seed-n ${SEED_N:-4} --batch-size ${GEN_BS:-128} --repeats 1 --out "$out/gen_bf16.json" 2>&1 | tee "$out/gen_bf16.txt"
fi
if has mmlu; then  # the full test split (14,042 questions), 5-shot, letter formulation
  timeout ${MMLU_S:-240} python3 benchmarks/mmlu_bench.py --preset phi2-config1 --model "$model" --quant bf16 \
    --data shared --n 14042 --forms letter --batch-size ${MMLU_BS:-64} --out "$out/mmlu_bf16.json" 2>&1 | tee "$out/mmlu_bf16.txt"
fi
