#!/usr/bin/env bash
# Data-parallel training on the GPUs of one offline machine: `tradeoff.finetune` on 1 GPU, then under
# `accelerate launch` on N GPUs, same config and data; prints each run's manifest (tokens/s, wall time, steps).
#   BUNDLE=.devdeps TOK=.devtok TRADEOFF_DATA=.devdata bash benchmarks/gpu/dp_train.sh OUT_DIR [N_GPUS]
# The model is phi-2's shape with random weights (benchmarks/random_model.py); TRAIN_N rows, micro-batch BS.
set -u
out=${1:?usage: benchmarks/gpu/dp_train.sh OUT_DIR [N_GPUS]}; n=${2:-2}; mkdir -p "$out"
export TRADEOFF_DATA=${TRADEOFF_DATA:-.devdata}; source scripts/gpu/env.sh
export TOKENIZERS_PARALLELISM=false
model=${MODEL_DIR:-$PWD/runs/phi2-random}
[ -f "$model/config.json" ] || python3 benchmarks/random_model.py --tokenizer "${TOK:-.devtok}" --out "$model"
ov="{model: $model, quant: bf16, data: shared, train_n: ${TRAIN_N:-512}, batch_size: ${BS:-4}, grad_accum: 1, save_steps: 0}"
show() { python3 -c "import json,sys; m=json.load(open(sys.argv[1])); print(json.dumps({k: m[k] for k in ('world_size','steps','effective_batch','train_rows','tokens_seen','tokens_per_second','samples_per_second','wall_seconds','peak_memory_gib')}))" "$1"; }
CUDA_VISIBLE_DEVICES=0 timeout ${RUN_S:-150} python3 -m tradeoff.finetune --preset phi2-config1 --out-dir runs/dp1 \
  --overrides "$ov" --force 2>&1 | grep -v 'Warning\|it/s\]\|examples/s\]' | tail -3
show runs/dp1/phi2-config1/train_manifest.json | tee "$out/dp1.json"
timeout ${RUN_S:-150} python3 -m accelerate.commands.launch --multi_gpu --num_processes "$n" --num_machines 1 \
  --mixed_precision no --dynamo_backend no -m tradeoff.finetune --preset phi2-config1 --out-dir runs/dp$n \
  --overrides "$ov" --force 2>&1 | grep -v 'Warning\|it/s\]\|examples/s\]' | tail -3
show runs/dp$n/phi2-config1/train_manifest.json | tee "$out/dp$n.json"
