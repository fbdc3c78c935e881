#!/usr/bin/env bash
# Data-parallel evaluation on the GPUs of one offline machine: chapter 04's MMLU scoring and chapter 03's Spider
# evaluation of one model, first as one process on one GPU, then under `accelerate launch` with N processes (each
# takes every N-th question; the first gathers and saves). Prints each run's summary line (seconds of the
# evaluation itself, model loading excluded) and its wall time (loading included).
#   BUNDLE=.devdeps TOK=.devtok TRADEOFF_DATA=.devdata bash benchmarks/gpu/dp_eval.sh OUT_DIR [N_GPUS]
# The model is phi-2's shape with random weights (benchmarks/random_model.py), in bf16. MMLU: the full test split,
# 5-shot, letter formulation, batch 64; Spider: SQL_N dev questions (default 256), batch 128.
set -u
out=${1:?usage: benchmarks/gpu/dp_eval.sh OUT_DIR [N_GPUS]}; n=${2:-2}; mkdir -p "$out"
export TRADEOFF_DATA=${TRADEOFF_DATA:-.devdata}; source scripts/gpu/env.sh
export TOKENIZERS_PARALLELISM=false
model=${MODEL_DIR:-$PWD/runs/phi2-random}
[ -f "$model/config.json" ] || python3 benchmarks/random_model.py --tokenizer "${TOK:-.devtok}" --out "$model"
ov="{model: $model, quant: bf16, data: shared, mmlu_format: letter, eval_batch_size: 64, gen_batch_size: 128, sql_n: ${SQL_N:-256}}"
for mod in mmlu sqleval; do
  for procs in 1 $n; do
    if [ "$procs" = 1 ]; then run=(env CUDA_VISIBLE_DEVICES=0 python3)
    else run=(python3 -m accelerate.commands.launch --multi_gpu --num_processes "$n" --num_machines 1 --mixed_precision no --dynamo_backend no); fi
    t0=$(date +%s)
    timeout ${RUN_S:-200} "${run[@]}" -m tradeoff.$mod --preset phi2-config1 --overrides "$ov" --out-dir runs/dpe$procs --tag base 2>&1 \
      | grep -v 'Warning\|warn\|it/s\]\|s/it\]' | grep ' in .* s (' | sed "s/^/$mod, $procs process(es): /" | tee -a "$out/dp_eval.txt"
    echo "$mod, $procs process(es): wall $(( $(date +%s) - t0 )) s" | tee -a "$out/dp_eval.txt"
  done
done
