#!/usr/bin/env bash
# Folders carried to the GPU machine compressed, from the repository root: each .NAME becomes .NAME.txz (xz), which
# `env.sh` unpacks there into .NAME (the bundle: 37 MB as a folder, 9 MB so; the data 15 MB, 2 MB). Carry the .txz files.
#   bash scripts/gpu/payload.sh .devdeps .devdata .devtok
set -eu
for d in "$@"; do
  d=${d%/}; [ -d "$d" ] || { echo "$d: no such folder"; exit 2; }
  tar -cJf "$d.txz.tmp" -C "$d" . && mv "$d.txz.tmp" "$d.txz"
  echo "$d: $(du -sh "$d" | cut -f1) -> $(du -h "$d.txz" | cut -f1) in $d.txz"
done
