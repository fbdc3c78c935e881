#!/usr/bin/env bash
# Unfinished trainings across device sessions: a lane cut off by its call's time limit keeps its checkpoints only on
# the warm machine, and they are gone when it is handed back. This packs each unfinished training's last checkpoint
# (weights, optimizer, scheduler, random states: what the trainer resumes from; not the tokenizer) and its config into
# OUT/resume-<lane>.tar.gz where that file comes back (the device tool returns files of at most 16 MiB: the seed's
# QLoRA adapters fit, a rank-64 adapter or a full model does not), and unpacks such files into a study folder, where
# the runner then resumes those trainings instead of starting them again. From the repository root:
#   bash scripts/gpu/resume.sh pack STUDY_DIR OUT        # there, after the study's call
#   bash scripts/gpu/resume.sh unpack STUDY_DIR FILES... # there, before it (carry the files in an ignored folder)
set -eu
mode=${1:?usage: scripts/gpu/resume.sh pack|unpack STUDY_DIR ...}; dir=${2:?study folder}; shift 2
case $mode in
  pack)
    out=${1:?OUT}; limit=$((${LIMIT_MIB:-16} * 1024 * 1024))
    for lane in "$dir"/*/; do
      lane=$(basename "$lane")
      [ -f "$dir/$lane/config.yaml" ] && [ ! -f "$dir/$lane/train_manifest.json" ] || continue  # a training, unfinished
      ck=$(ls -d "$dir/$lane"/checkpoints/checkpoint-* 2>/dev/null | sort -V | tail -1)
      [ -n "$ck" ] || continue
      raw=$(du -sb --exclude='tokenizer*' "$ck" | cut -f1)  # weights and optimizer states barely compress
      if [ "$raw" -gt $((limit * 5 / 4)) ]; then echo "$lane: $(basename "$ck") holds $((raw >> 20)) MiB, left behind"; continue; fi
      f=$out/resume-$lane.tar.gz
      tar -czf "$f" -C "$dir" --exclude='tokenizer*' --exclude='*.jinja' --exclude='README.md' \
        "$lane/config.yaml" "${ck#$dir/}"
      if [ "$(stat -c %s "$f")" -gt $limit ]; then echo "$lane: $(basename "$ck") is over ${LIMIT_MIB:-16} MiB packed, left behind"; rm "$f"
      else echo "$lane: $(basename "$ck") packed into $f ($(du -h "$f" | cut -f1))"; fi
    done ;;
  unpack)
    for f in "$@"; do
      [ -f "$f" ] || continue
      mkdir -p "$dir"
      tar -xzf "$f" -C "$dir" && echo "$(basename "$f"): unpacked into $dir (its training resumes from there)"
    done ;;
  *) echo "pack or unpack"; exit 2 ;;
esac
