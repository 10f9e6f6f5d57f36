#!/usr/bin/env python3
"""Summary of the target_outcomes table of each release in dist/ (after `cargo xtask publish`):
targets, how many were linked to an outcome, met yes/no/unclear, and the headline indicators'
share linked. Standard library only.

usage: python3 scripts/target_outcomes_summary.py [DIST]      (default dist)
"""
import collections
import csv
import glob
import os
import sys

dist = sys.argv[1] if len(sys.argv) > 1 else "dist"
here = os.path.dirname(os.path.abspath(__file__))
headline = set()
with open(os.path.join(here, "..", "crates", "gwr-panel", "data", "directions.tsv"), encoding="utf-8") as f:
    for line in f:
        cells = line.rstrip("\n").split("\t")
        if len(cells) == 4 and not line.startswith("#") and cells[2] == "yes":
            headline.add(cells[0])

for pkg in sorted(glob.glob(os.path.join(dist, "gwr-*/"))):
    path = os.path.join(pkg, "data", "target_outcomes.csv")
    if not os.path.exists(path):
        continue
    with open(path, encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    met = collections.Counter(r["met"] for r in rows)
    linked = sum(1 for r in rows if r["outcome_fact_id"])
    head = [r for r in rows if r["indicator"] in headline]
    head_linked = sum(1 for r in head if r["outcome_fact_id"])
    print(
        f"{os.path.basename(pkg.rstrip('/'))}: {len(rows)} targets, {linked} linked to an outcome; "
        f"met yes {met['yes']}, no {met['no']}, unclear {met['unclear']}; "
        f"headline-indicator targets {len(head)}, linked {head_linked}"
    )
