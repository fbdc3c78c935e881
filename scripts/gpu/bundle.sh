#!/usr/bin/env bash
# Prepare what an offline GPU machine lacks, on a machine that reaches PyPI.
#   bash scripts/gpu/bundle.sh OUT_DIR [--python 3.12] [--have "torch transformers ..."] [extra packages...]
# OUT_DIR receives the unpacked pure-Python and manylinux packages (bitsandbytes with its CUDA 13 library only, trl,
# datasets, gguf, sqlglot, fastcore, liger-kernel, ...), minus those the GPU machine already has (--have). Copy OUT_DIR and this
# repository there and run with PYTHONPATH=OUT_DIR:REPO, e.g.
#   BUNDLE=OUT_DIR bash scripts/gpu/study.sh OUT runs/smollm2 --preset smollm2-gpu  (see scripts/gpu/README.md)
set -euo pipefail
out=${1:?usage: scripts/gpu/bundle.sh OUT_DIR [--python X.Y] [--have "pkgs"] [packages...]}; shift
py=3.12
# What a typical CUDA PyTorch image already holds (the lent H100s: torch 2.11, transformers 5.17, peft 0.21, ...).
have="torch transformers peft accelerate tokenizers safetensors huggingface-hub hf-xet numpy pandas pyarrow filelock
 fsspec packaging pyyaml regex requests tqdm typing-extensions jinja2 markupsafe psutil sympy networkx mpmath triton
 setuptools pip wheel certifi charset-normalizer idna urllib3 aiohttp aiosignal frozenlist multidict yarl propcache
 attrs xxhash rich markdown-it-py mdurl pygments click python-dateutil six pytz tzdata sentencepiece protobuf
 matplotlib pillow contourpy cycler fonttools kiwisolver pyparsing scipy httpx httpcore h11 anyio sniffio tabulate
 shellingham typer pluggy pytest iniconfig nvidia-.* cuda-.*"
extra=()
while [ $# -gt 0 ]; do
  case $1 in
    --python) py=$2; shift 2;;
    --have) have=$2; shift 2;;
    *) extra+=("$1"); shift;;
  esac
done
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
python3 -m pip download -q --only-binary=:all: --python-version "$py" --implementation cp --abi "cp${py/./}" \
  --platform manylinux_2_28_x86_64 --platform manylinux_2_24_x86_64 --platform manylinux_2_17_x86_64 \
  --platform manylinux2014_x86_64 --platform any -d "$tmp" \
  bitsandbytes trl datasets gguf sqlglot fastcore liger-kernel "${extra[@]}"
mkdir -p "$out"
for whl in "$tmp"/*.whl; do
  name=$(basename "$whl" | cut -d- -f1 | tr '_A-Z' '-a-z')
  skip=0
  for h in $have; do [[ $name =~ ^${h}$ ]] && { skip=1; break; }; done
  [ $skip = 1 ] || python3 -m zipfile -e "$whl" "$out"
done
# bitsandbytes ships a library per CUDA version; keep CUDA 13.0's (set BNB_CUDA to keep another) and the CPU one.
find "$out/bitsandbytes" -name 'libbitsandbytes_*.so' ! -name "*${BNB_CUDA:-cuda130}*" ! -name '*cpu*' -delete 2>/dev/null || true
du -sh "$out"
