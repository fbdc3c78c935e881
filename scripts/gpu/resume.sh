#!/usr/bin/env bash
# Unfinished lanes across device sessions: a lane cut off by its call's time limit keeps its checkpoints and adapter
# only on the warm machine, and they are gone when it is handed back. This packs, into OUT/resume-<lane>.tar.gz where
# that file comes back (the device tool returns files of at most 16 MiB; a larger one as PARTS files at most,
# resume-<lane>.tar.gz.part0, .part1, ...: the seed's QLoRA adapters fit, a rank-64 adapter or a full model does not):
# - an unfinished training's last checkpoint (weights, optimizer, scheduler, random states: what the trainer resumes
#   from; not the tokenizer) and its config, and for a curve lane (seeds up to CURVE_SEEDS) its earlier checkpoints'
#   adapters, which the curve scores once the training has finished;
# - a finished training whose models are not all scored (`lane_models`: the final one, and for a curve lane, ALPHAS
#   and seeds up to CURVE_SEEDS as `answer.sh` sets them, its checkpoints and scaled adapters): the adapters those
#   models need (no optimizer states), its manifest, loss curve and config;
# and unpacks such files into a study folder, where the runner then resumes those trainings, or scores the rest of
# those models, instead of training them again. From the repository root:
#   bash scripts/gpu/resume.sh pack STUDY_DIR OUT        # there, after the study's call
#   bash scripts/gpu/resume.sh unpack STUDY_DIR FILES... # there, before it (carry the files in an ignored folder)
#   bash scripts/gpu/resume.sh retrain STUDY_DIR LANES   # lanes (glob patterns, comma-separated) to train again: each
#     finished one whose manifest predates `trained_in` (resumed QLoRA runs went on in float32 before it) is removed
#     with its models, so the runner trains and scores it again; run again, it removes nothing
set -eu
mode=${1:?usage: scripts/gpu/resume.sh pack|unpack|retrain STUDY_DIR ...}; dir=${2:?study folder}; shift 2
case $mode in
  pack)
    out=${1:?OUT}; source scripts/gpu/env.sh; most=$((RETURN_BYTES * ${PARTS:-2}))  # a lane's most
    for lane in "$dir"/*/; do
      lane=$(basename "$lane")
      skip=(--exclude='tokenizer*' --exclude='*.jinja' --exclude='README.md')
      if [ -f "$dir/$lane/config.yaml" ] && [ ! -f "$dir/$lane/train_manifest.json" ]; then  # a training, unfinished
        ck=$(ls -d "$dir/$lane"/checkpoints/checkpoint-* 2>/dev/null | sort -V | tail -1)
        [ -n "$ck" ] || continue
        what=("$lane/config.yaml" "${ck#$dir/}"); name=$(basename "$ck")
        if ${PYTHON:-python3} -c 'import sys; from tradeoff.study import curves_for
sys.exit(not curves_for(sys.argv[1], int(sys.argv[2]) or None))' "$lane" "${CURVE_SEEDS:-1}"; then  # a curve lane: its earlier checkpoints' adapters too
          early=$(for e in $(ls -d "$dir/$lane"/checkpoints/checkpoint-* | sort -V | head -n -1); do [ -f "$e/resume_only" ] || echo "$e"; done)  # not where a call stopped it (RESUME_ONLY, 00_runs)
          for e in $early; do
            what+=("${e#$dir/}"); for f in optimizer.pt scheduler.pt rng_state.pth '*.bin'; do skip+=(--exclude="*/$(basename "$e")/$f"); done
          done
          [ -n "$early" ] && name="$name and the adapters of $(echo "$early" | wc -l) earlier checkpoints"
        fi
      elif [ -f "$dir/$lane/adapter/adapter_config.json" ] && [ -f "$dir/$lane/train_manifest.json" ] && mapfile -t need < <(
           ${PYTHON:-python3} -c 'import sys; from pathlib import Path; from tradeoff.study import lane_models
out, name, alphas, seeds = Path(sys.argv[1]), sys.argv[2], [float(a) for a in sys.argv[3].split(",") if a], int(sys.argv[4])
todo = [a for t, a, _ in lane_models(out, name, alphas, True, seeds or None)
        if not all((out/t/f).exists() for f in ("spider_results.json", "mmlu_results.json"))]
print("\n".join(dict.fromkeys(str(Path(a).relative_to(out)) for a in todo)))' "$dir" "$lane" "${ALPHAS:-0,0.25,0.5,0.75,1}" "${CURVE_SEEDS:-1}") \
           && [ -n "${need[*]}" ]; then  # trained, some of its models not scored: the adapters they need
        what=("${need[@]}"); name="adapters of ${#need[@]} models"
        for f in "${RECORD[@]}"; do [ -f "$dir/$lane/$f" ] && what+=("$lane/$f"); done  # should its part be lost
        skip+=(--exclude='optimizer.pt' --exclude='scheduler.pt' --exclude='rng_state.pth' --exclude='*.bin')
      else continue; fi
      raw=$(du -sb "${skip[@]}" "${what[@]/#/$dir/}" | awk '{s += $1} END {print s}')  # weights and optimizer states barely compress
      if [ "$raw" -gt $((most * 5 / 4)) ]; then echo "$lane: $name holds $((raw >> 20)) MiB, left behind"; continue; fi
      f=$out/resume-$lane.tar.gz
      tar -czf "$f" -C "$dir" "${skip[@]}" "${what[@]}"
      size=$(stat -c %s "$f")
      if [ "$size" -gt $most ]; then echo "$lane: $name is over $((most >> 20)) MiB packed, left behind"; rm "$f"
      elif in_parts "$f"; then echo "$lane: $name packed into $(ls "$f".part* | wc -l) parts, $f.part*"
      else echo "$lane: $name packed into $f ($(du -h "$f" | cut -f1))"; fi
    done ;;
  unpack)
    for f in "$@"; do
      [ -f "$f" ] || continue
      mkdir -p "$dir"
      case $f in
        *.part0) cat "${f%0}"? | tar -xz -C "$dir" && echo "$(basename "${f%.part0}"): unpacked from its parts into $dir (its lane resumes from there)" ;;
        *.part?) ;;  # read with its part0
        *) tar -xzf "$f" -C "$dir" && echo "$(basename "$f"): unpacked into $dir (its lane resumes from there)" ;;
      esac
    done ;;
  retrain)
    for pat in ${1//,/ }; do
      for d in "$dir"/$pat/; do
        lane=$(basename "$d"); m=$d/train_manifest.json
        [ -f "$m" ] && ! grep -q '"trained_in"' "$m" || continue
        rm -r "$d" "$dir/$lane"@*/ 2>/dev/null || true
        echo "$lane: trained before its manifest said in which dtype, removed with its models (it trains again)"
      done
    done ;;
  *) echo "pack, unpack or retrain"; exit 2 ;;
esac
