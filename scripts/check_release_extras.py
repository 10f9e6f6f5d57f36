"""Checks of the release extras, driven by scripts/check_xlsx.sh and scripts/check_html.sh.

  compare-csv SHEET_CSV CANONICAL_CSV  values of a workbook sheet, as LibreOffice exported it,
                                       equal the canonical CSV: numbers as numbers, text as text
  pandas PKG_DIR                       pandas reads every excel/*.csv (BOM) with the Chinese
                                       intact and the same values as data/*.csv
  rows CSV                             prints the number of records of a CSV (header excluded)
  dom-count DOM_FILE ATTR              prints the value of <body ATTR="..."> in a dumped DOM

Only `pandas` needs pandas; the rest is the standard library. Exit 1 on any difference.
"""
import csv
import glob
import math
import os
import re
import sys


def read_csv(path, encoding="utf-8"):
    with open(path, newline="", encoding=encoding) as f:
        return list(csv.reader(f))


def as_number(s):
    try:
        x = float(s)
    except ValueError:
        return None
    return x if math.isfinite(x) else None


def same(got, want):
    if got == want:
        return True
    g, w = as_number(got), as_number(want)
    if g is not None and w is not None:
        return g == w or abs(g - w) <= 1e-12 * max(abs(g), abs(w))
    # Booleans: LibreOffice writes TRUE/FALSE.
    if want in ("true", "false") and got.lower() == want:
        return True
    return False


def compare_csv(sheet_csv, canonical_csv):
    got = read_csv(sheet_csv, "utf-8-sig")
    want = read_csv(canonical_csv)
    name = os.path.basename(canonical_csv)
    if len(got) != len(want):
        print(f"{name}: workbook sheet has {len(got)} rows, CSV {len(want)}")
        return 1
    bad = 0
    numbers = 0
    for r, (g, w) in enumerate(zip(got, want)):
        # LibreOffice drops trailing empty cells of a row.
        g = g + [""] * (len(w) - len(g))
        if len(g) != len(w):
            print(f"{name} row {r}: {len(g)} cells, CSV {len(w)}")
            bad += 1
            continue
        for c, (x, y) in enumerate(zip(g, w)):
            if not same(x, y):
                if bad < 10:
                    print(f"{name} row {r} column {want[0][c]}: workbook {x!r}, CSV {y!r}")
                bad += 1
            elif r > 0 and as_number(y) is not None:
                numbers += 1
    print(f"{name}: {len(want) - 1} rows, {len(want[0])} columns, {numbers} numeric cells, {bad} differences")
    return 1 if bad else 0


def pandas_check(pkg):
    import pandas as pd

    canon = {os.path.splitext(os.path.basename(p))[0]: p
             for p in glob.glob(os.path.join(pkg, "data", "**", "*.csv"), recursive=True)
             if "/sources/" not in p}
    excel = sorted(glob.glob(os.path.join(pkg, "excel", "*.csv")))
    if not excel or set(canon) != {os.path.splitext(os.path.basename(p))[0] for p in excel}:
        print(f"excel/*.csv {excel} do not match the tables {sorted(canon)}")
        return 1
    bad = 0
    cjk = re.compile("[\u4e00-\u9fff]")
    for p in excel:
        name = os.path.splitext(os.path.basename(p))[0]
        with open(p, "rb") as f:
            if f.read(3) != b"\xef\xbb\xbf":
                print(f"{p}: no BOM")
                bad += 1
        # pandas' default encoding is utf-8; its C parser drops the BOM.
        df = pd.read_csv(p, dtype=str, keep_default_na=False)
        ref = pd.read_csv(canon[name], dtype=str, keep_default_na=False)
        if list(df.columns) != list(ref.columns):
            print(f"{name}: columns {list(df.columns)[:3]}… differ from {list(ref.columns)[:3]}…")
            bad += 1
            continue
        if not df.equals(ref):
            print(f"{name}: values differ from the canonical CSV")
            bad += 1
            continue
        chinese = int(df.apply(lambda col: col.str.contains(cjk)).to_numpy().sum()) if len(df) else 0
        print(f"excel/{name}.csv: {len(df)} rows, {chinese} cells with Chinese, equal to the canonical CSV")
    return 1 if bad else 0


def main(argv):
    if len(argv) < 2:
        print(__doc__)
        return 2
    cmd = argv[1]
    if cmd == "compare-csv" and len(argv) == 4:
        return compare_csv(argv[2], argv[3])
    if cmd == "pandas" and len(argv) == 3:
        return pandas_check(argv[2])
    if cmd == "rows" and len(argv) == 3:
        print(len(read_csv(argv[2])) - 1)
        return 0
    if cmd == "dom-count" and len(argv) == 4:
        dom = open(argv[2], encoding="utf-8").read()
        m = re.search(r"<body\b[^>]*\s" + re.escape(argv[3]) + r'="([^"]*)"', dom)
        print(m.group(1) if m else "")
        return 0 if m else 1
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
