#!/usr/bin/env bash
# Checks the spreadsheet side of a release package folder:
# 1. headless LibreOffice converts each table sheet of the workbook to CSV, and its values equal
#    the canonical data/*.csv (numbers equal as numbers, text equal as text);
# 2. pandas reads every Excel-ready excel/*.csv (UTF-8 BOM) with the Chinese intact and the same
#    values as the canonical CSV.
#
#   scripts/check_xlsx.sh PKG_DIR [PYTHON_WITH_PANDAS]
#
# Installs nothing: needs soffice (apt-get install -y libreoffice-calc) and python3; the pandas
# check runs with PYTHON_WITH_PANDAS (default python3).
set -euo pipefail
pkg=${1:?usage: check_xlsx.sh PKG_DIR [PYTHON_WITH_PANDAS]}
pandas_py=${2:-python3}
here=$(cd "$(dirname "$0")" && pwd)
soffice=${SOFFICE:-soffice}
pkg=$(cd "$pkg" && pwd)
command -v "$soffice" >/dev/null || { echo "check_xlsx: soffice not found (apt-get install -y libreoffice-calc)"; exit 1; }

shopt -s nullglob
books=("$pkg"/*.xlsx)
[ ${#books[@]} -eq 1 ] || { echo "check_xlsx: expected one workbook in $pkg, found ${#books[@]}"; exit 1; }
book=${books[0]}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The table sheets follow the dictionary sheet, in the order of the CSV resources of
# datapackage.json.
mapfile -t tables < <(python3 - "$pkg/datapackage.json" <<'EOF'
import json, sys
for r in json.load(open(sys.argv[1], encoding="utf-8"))["resources"]:
    if r.get("type") == "table" and r.get("format") == "csv":
        print(r["name"], r["path"])
EOF
)
[ ${#tables[@]} -gt 0 ] || { echo "check_xlsx: no CSV resources in datapackage.json"; exit 1; }

fail=0
sheet=1
for entry in "${tables[@]}"; do
  sheet=$((sheet + 1))
  name=${entry%% *}
  path=${entry#* }
  out="$work/$name"
  mkdir -p "$out"
  # Field separator 44 (,), text delimiter 34 ("), UTF-8 (76), from line 1, …, cell contents
  # not "as shown" (full precision), last token: the 1-based sheet to export.
  timeout 180 "$soffice" -env:UserInstallation="file://$work/profile" --headless \
    --convert-to "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,$sheet" \
    --outdir "$out" "$book" >"$work/soffice.log" 2>&1 || { cat "$work/soffice.log"; echo "check_xlsx: soffice failed"; exit 1; }
  csvs=("$out"/*.csv)
  [ ${#csvs[@]} -eq 1 ] || { cat "$work/soffice.log"; echo "check_xlsx: sheet $sheet ($name) was not converted"; exit 1; }
  python3 "$here/check_release_extras.py" compare-csv "${csvs[0]}" "$pkg/$path" || fail=1
done

"$pandas_py" "$here/check_release_extras.py" pandas "$pkg" || fail=1

if [ "$fail" != 0 ]; then
  echo "check_xlsx: differences found"
  exit 1
fi
echo "check_xlsx: workbook sheets and Excel CSVs equal the canonical CSVs: ok"
