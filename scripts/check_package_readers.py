"""Reads every CSV and Parquet resource of a data package with DuckDB and pandas, and checks
that the two formats of each table have the same rows. Exit 1 on any difference."""
import json
import os
import sys

import duckdb
import pandas as pd


def main(path: str) -> int:
    root = os.path.dirname(os.path.abspath(path))
    pkg = json.load(open(path, encoding="utf-8"))
    tables = {}
    for res in pkg["resources"]:
        if res.get("type") != "table":
            continue
        p = os.path.join(root, res["path"])
        if res["format"] == "csv":
            n = duckdb.sql(f"select count(*) from read_csv('{p}', header=true, all_varchar=true)").fetchall()[0][0]
            df = pd.read_csv(p, dtype=str, keep_default_na=False, encoding="utf-8")
        else:
            n = duckdb.sql(f"select count(*) from read_parquet('{p}')").fetchall()[0][0]
            df = pd.read_parquet(p)
        if n != len(df):
            print(f"{res['name']}: duckdb counts {n} rows, pandas {len(df)}")
            return 1
        table = res["name"].removesuffix("-parquet")
        tables.setdefault(table, {})[res["format"]] = n
        print(f"{res['name']:28} {res['format']:8} {n:6} rows")
    bad = [t for t, c in tables.items() if len(set(c.values())) != 1 or len(c) != 2]
    if bad:
        print("row counts differ between CSV and Parquet (or a format is missing):", bad)
        return 1
    print(f"{len(tables)} tables: CSV and Parquet row counts agree")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "datapackage.json"))
