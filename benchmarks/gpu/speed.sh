#!/usr/bin/env bash
# Speed of every GPU stage against what a user would otherwise run, on one offline GPU, from the repository root:
#   BUNDLE=.devdeps TOK=.devtok TRADEOFF_DATA=.devdata bash benchmarks/gpu/speed.sh OUT_DIR [decode] [mmlu] [train] [train4] [graph] [lanes] [profile]
# The model is SmolLM2-135M-Instruct's shape with random weights (benchmarks/random_model.py --like TOK; MODEL_DIR to
# use another; MMLU_VARIANTS=current,liger,compile adds mmlu_speed.py's variants; MMLU_QUANT=4bit
# MMLU_VARIANTS=current,dequantize times a 4-bit model without and with `eval_dequantize`); SHAPE=phi2 builds phi-2's shape instead (2.78B). Each stage writes its table to OUT_DIR/<stage>.txt.
# OUT_DIR.tar.gz packs them all; on the device tool, give a folder outside $OUT and copy that one file into $OUT
# (e.g. `bash benchmarks/gpu/speed.sh /tmp/speed decode mmlu; cp /tmp/speed.tar.gz $OUT`): it returns at most 8 files.
set -u
out=${1:?usage: benchmarks/gpu/speed.sh OUT_DIR [stages...]}; shift; mkdir -p "$out"
stages=${*:-decode mmlu train lanes}
export TRADEOFF_DATA=${TRADEOFF_DATA:-.devdata}; source scripts/gpu/env.sh
has() { [[ " $stages " == *" $1 "* ]]; }
if [ "${SHAPE:-smollm2}" = phi2 ]; then
  model=${MODEL_DIR:-/tmp/phi2-random}; preset=phi2-config1
  [ -f "$model/config.json" ] || python3 benchmarks/random_model.py --tokenizer "${TOK:-.devtok}" --out "$model" | tail -1
else
  model=${MODEL_DIR:-/tmp/smollm2-random}; preset=smollm2-gpu
  [ -f "$model/config.json" ] || python3 benchmarks/random_model.py --like "${TOK:-.devtok}" --out "$model" | tail -1
fi
{ nvidia-smi --query-gpu=name,memory.total --format=csv,noheader  # and the allocator's setting, which step times may depend on
  echo "PYTORCH_CUDA_ALLOC_CONF=${PYTORCH_CUDA_ALLOC_CONF:-}"; } | tee "$out/card.txt"
run() { local name=$1; shift; timeout "${LIMIT:-240}" "$@" 2>&1 | grep -v -i 'warn' | tee "$out/$name.txt"; }
has decode && run decode python3 benchmarks/decode_bench.py --preset $preset --model "$model" --peer-n ${PEER_N:-256} \
  --batch-size ${GEN_BS:-128} --methods ${METHODS:-generate,loop,static,static-auto} --out "$out/decode.json"
has mmlu && run mmlu python3 benchmarks/mmlu_speed.py --model "$model" --quant ${MMLU_QUANT:-bf16} --forms ${FORMS:-letter,cloze} \
  --variants ${MMLU_VARIANTS:-current} --out "$out/mmlu.json"
has train && run train python3 benchmarks/train_bench.py --preset $preset --model "$model" --quant bf16 --steps 6 \
  --warmup 2 --rows 512 --variants ${VARIANTS:-grouped-x4,graphs-x4,liger-x8}
has train4 && run train4 python3 benchmarks/train_bench.py --preset $preset --model "$model" --quant 4bit --steps 6 \
  --warmup 2 --rows 512 --variants ${VARIANTS4:-seed-x2,seed-x2-graphs,seed-x2-quiet}
has graph && run graph python3 benchmarks/gpu/graph_step.py --model "$model" --quant 4bit --steps 20 \
  --set lora_targets=q_proj,v_proj batch_size=8 lora_r=16 lora_alpha=32 learning_rate=2e-4 kernels=none
if has lanes; then  # N training processes at once on the one GPU: does the card take their host overheads in parallel?
  # (graphed QLoRA lanes: LANE_QUANT=4bit LANE_VARIANT=seed-x2-graphs)
  for i in $(seq ${LANES:-3}); do  # four micro-batch-16 lanes ran out of memory on an 80 GB H100
    timeout ${LIMIT:-240} python3 benchmarks/train_bench.py --preset $preset --model "$model" --quant ${LANE_QUANT:-bf16} --steps 6 --warmup 2 \
      --rows 512 --variants ${LANE_VARIANT:-liger-x4} > "$out/lane$i.log" 2>&1 &
  done
  wait
  grep -h 'tokens/s' "$out"/lane*.log | tee "$out/lanes.txt"
fi
has profile && run profile python3 benchmarks/gpu/where_time_goes.py --model "$model" --stages ${PROFILE_STAGES:-train,qlora,qlora-liger}
# one file back (the device tool returns at most 8): OUT_DIR.tar.gz beside OUT_DIR
tar -czf "${out%/}.tar.gz" -C "$(dirname "$out")" "$(basename "$out")"
