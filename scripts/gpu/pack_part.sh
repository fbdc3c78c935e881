#!/usr/bin/env bash
# What a study call made on this machine, packed to come back through the device tool, from the repository root:
#   bash scripts/gpu/pack_part.sh STUDY_DIR OUT
# OUT/study.tar.gz holds the report, summary.json and each model's results, per-item samples, training manifest and
# loss curve (never weights or checkpoints) written since STUDY_DIR/.since (study.sh touches it on the folder's first
# call here, so a committed part copied in before stays out). The tool returns files of at most 16 MiB (LIMIT_MIB):
# a larger archive is split into study.tar.gz.part0, .part1, ... (`cat OUT/study.tar.gz* | tar -xz` joins either).
set -u
dir=${1:?usage: scripts/gpu/pack_part.sh STUDY_DIR OUT}; out=${2:?OUT}; source scripts/gpu/env.sh
mkdir -p "$out"; rm -f "$out"/study.tar.gz "$out"/study.tar.gz.part*
record=(); for f in "${RECORD[@]}"; do record+=(-o -name "$f"); done
newer=(); [ -f "$dir/.since" ] && newer=(\( -newer .since "${record[@]}" \))
# no mark: everything; a lane's RECORD always, since resume.sh unpacks a cut-off lane's before the mark and the lane's
# results would otherwise come without it
(cd "$dir" && find . \( -name '*_results.json' -o -name '*_samples.jsonl' "${record[@]}" -o -name 'study_steps.json' \
   -o -path './report/*' \) -not -path '*/checkpoints/*' "${newer[@]}" -print0 | tar -czf - --null -T -) > "$out/study.tar.gz"
if in_parts "$out/study.tar.gz"; then
  echo "study.tar.gz: in $(ls "$out"/study.tar.gz.part* | wc -l) parts of at most $RETURN_BYTES bytes, $out/study.tar.gz.part*"
fi
