#!/usr/bin/env python3
"""Summary of the target_outcomes table of each release in dist/ (after `cargo xtask publish`):
targets, how many were linked to an outcome, met yes/no/unclear, the headline indicators'
share linked, the not_set rows (stated / silent), and the sub-national targets with the national
target beside them (GDP growth targets in particular). Standard library only.

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
        every = list(csv.DictReader(f))
    rows = [r for r in every if r.get("target_status", "set") == "set"]
    unset = [r for r in every if r.get("target_status") == "not_set"]
    stated = sum(1 for r in unset if r.get("not_set_basis") == "stated")
    sub = [r for r in rows if r["place_code"] and r["place_code"] != "100000"]
    beside = sum(1 for r in sub if r.get("national_target_fact_id"))
    gdp = [r for r in sub if r["indicator"] == "gdp" and r["measure"] == "change"]
    gdp_beside = sum(1 for r in gdp if r.get("national_target_fact_id"))
    gdp_outcome = sum(1 for r in gdp if r["outcome_fact_id"])
    met = collections.Counter(r["met"] for r in rows)
    linked = sum(1 for r in rows if r["outcome_fact_id"])
    head = [r for r in rows if r["indicator"] in headline]
    head_linked = sum(1 for r in head if r["outcome_fact_id"])
    print(
        f"{os.path.basename(pkg.rstrip('/'))}: {len(rows)} targets, {linked} linked to an outcome; "
        f"met yes {met['yes']}, no {met['no']}, unclear {met['unclear']}; "
        f"headline-indicator targets {len(head)}, linked {head_linked}; "
        f"not_set rows {len(unset)} (stated {stated}, silent {len(unset) - stated}); "
        f"sub-national targets {len(sub)}, national target beside {beside}; "
        f"sub-national GDP growth targets {len(gdp)}, national beside {gdp_beside}, outcome {gdp_outcome}"
    )
    for r in unset:
        if r.get("not_set_basis") == "stated":
            print(f"  stated: {r['report_id']} {r['indicator']}: {r['quote'][:60]}")
