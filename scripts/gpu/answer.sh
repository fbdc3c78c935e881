#!/usr/bin/env bash
# The study of issue 22 (the study's answer), one part per call, on one offline GPU machine, from the repository root:
#   ONLY='base,*.s1' STUDY_S=540 bash scripts/gpu/answer.sh OUT
# Four configurations, three training seeds each: the seed notebook's two QLoRA configurations (its LoRA on q and v,
# its effective batch of 8 in one pass), a rank-64 LoRA and full fine-tuning; curves (checkpoints, alphas) for the
# first seed on the cloze formulation; the base model scored again at a fixed batch of 64 (evaluation noise).
# The study folder starts from the committed part (nbs/study/$NAME, `tradeoff-pack`'s layout), so finished models are
# neither trained nor scored again; three lanes on an 80 GB card, four on a larger one. Back here:
#   cat OUT/study.tar.gz* | tar -xz -C /tmp/part && tradeoff-pack /tmp/part nbs/study/$NAME   (a whole file, or its parts)
# and OUT/resume-<lane>.tar.gz (an unfinished training, or a finished one's adapters still to score) into .resume/
# (ignored), carried by the next session's call.
set -u
out=${1:?usage: scripts/gpu/answer.sh OUT}; name=${NAME:-smollm2-seeds}; dir=runs/$name
[ -d "$dir" ] || { mkdir -p runs; if [ -d "nbs/study/$name" ]; then cp -r "nbs/study/$name" "$dir"; fi; }
[ -z "${RETRAIN:-}" ] || bash scripts/gpu/resume.sh retrain "$dir" "$RETRAIN"  # e.g. RETRAIN='qlora-2ep.*': see resume.sh
bash scripts/gpu/resume.sh unpack "$dir" ${RESUME:-.resume}/resume-*  # lanes cut off in an earlier session
mib=$(nvidia-smi --query-gpu=memory.total --format=csv,noheader,nounits | head -1)
lanes=${LANES:-$([ "$mib" -gt 100000 ] && echo 0,0,0,0 || echo 0,0,0)}
alphas=0,0.25,0.5,0.75,1 curves=1  # the curves: scaled adapters, and checkpoints of the first seed (resume.sh packs by them too)
q='quant=4bit,lora_r=16,lora_alpha=32,lora_dropout=0.05,lora_targets=[q_proj,v_proj],learning_rate=2e-4,batch_size=4,grad_accum=2,micro_batch=8'
BUNDLE=${BUNDLE:-.devdeps} TRADEOFF_DATA=${TRADEOFF_DATA:-.devdata} bash scripts/gpu/study.sh "$out" "$dir" \
  --preset smollm2-gpu --seeds 3 ${ONLY:+--only "$ONLY"} --curve-seeds $curves --curve-format cloze --alphas $alphas \
  --devices "$lanes" --overrides val_n=256 --noise 'bs64:eval_batch_size=64,gen_batch_size=64' \
  --pairs 'qlora-1ep:qlora-2ep,r64:full' --config "qlora-1ep:$q,epochs=1,save_steps=175" \
  --config "qlora-2ep:$q,epochs=2,save_steps=350" --config 'r64:lora_r=64,lora_alpha=128,save_steps=88,kernels=liger' \
  --config 'full:method=full,quant=bf16,learning_rate=2e-5,save_steps=88,kernels=liger'
rc=$?
ALPHAS=$alphas CURVE_SEEDS=$curves bash scripts/gpu/resume.sh pack "$dir" "$out"  # what was cut off here, where it comes back (QLoRA lanes)
exit $rc
