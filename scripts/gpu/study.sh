#!/usr/bin/env bash
# Run a trade-off study on an offline GPU machine without Jupyter, then pack what the docs need.
#   BUNDLE=.devdeps TRADEOFF_DATA=.devdata bash scripts/gpu/study.sh OUT STUDY_DIR [tradeoff-study arguments...]
# BUNDLE is the folder made by scripts/gpu/bundle.sh; the study runs the chapters in-process (`--runner exec`),
# resumes where an earlier call stopped (finished steps are skipped) and stops cleanly after STUDY_S seconds. On a machine
# with several GPUs add `--devices 0,1`: the base model and each configuration run as parallel lanes, one per GPU.
# OUT receives study.log and study.tar.gz (or its parts): what this machine wrote of the study, results not weights
# (scripts/gpu/pack_part.sh).
set -u
out=${1:?usage: scripts/gpu/study.sh OUT STUDY_DIR [tradeoff-study args]}; dir=${2:?study folder}; shift 2; mkdir -p "$out"
if [ -f .gguf-b/part2 ]; then bash scripts/gpu/weights.sh join || exit 3; fi  # the real weights, if carried
source scripts/gpu/env.sh
export TOKENIZERS_PARALLELISM=false PYTORCH_CUDA_ALLOC_CONF=${PYTORCH_CUDA_ALLOC_CONF:-expandable_segments:True}  # lanes share the card: less fragmentation
start=$(date +%s)
[ -f "$dir/.since" ] || { mkdir -p "$dir" && touch "$dir/.since"; }  # what this machine writes is newer
timeout --signal=INT --kill-after=30 ${STUDY_S:-540} python3 -c 'from tradeoff.study import study_cli; study_cli()' \
  --runner exec --out-dir "$dir" "$@" 2>&1 \
  | grep --line-buffered -v 'Warning\|warn(' | tee -a "$out/study.log"
rc=${PIPESTATUS[0]}
echo "study call: rc=$rc after $(( $(date +%s) - start )) s" | tee -a "$out/study.log"
bash scripts/gpu/pack_part.sh "$dir" "$out" | tee -a "$out/study.log"
exit $rc
