#!/usr/bin/env python3
"""Official outcomes of the national release (after `cargo xtask publish`): of the national
targets for the years 1978–2025 with a headline indicator (crates/gwr-panel/data/directions.tsv),
how many get the figure of the NBS statistical communiqué on their year
(target_outcomes.official_outcome_fact_id), per indicator; how many have a next-report outcome;
where both are there, how often they agree; and the verdicts against the official figure.
Standard library only.

usage: python3 scripts/official_outcomes_summary.py [-v] [PACKAGE]
  PACKAGE: a national package folder (default: the newest dist/gwr-national-*); -v also lists
  the targets without a communiqué outcome.
"""
import collections
import csv
import glob
import os
import sys

here = os.path.dirname(os.path.abspath(__file__))
args = [a for a in sys.argv[1:] if not a.startswith("-")]
verbose = "-v" in sys.argv[1:]
if args:
    pkg = args[0]
else:
    found = sorted(glob.glob(os.path.join(here, "..", "dist", "gwr-national-*/")))
    if not found:
        sys.exit("no dist/gwr-national-*: run `cargo xtask publish` first")
    pkg = found[-1]

headline = set()
with open(os.path.join(here, "..", "crates", "gwr-panel", "data", "directions.tsv"), encoding="utf-8") as f:
    for line in f:
        cells = line.rstrip("\n").split("\t")
        if len(cells) == 4 and not line.startswith("#") and cells[2] == "yes":
            headline.add(cells[0])


def rows(name):
    with open(os.path.join(pkg, "data", name + ".csv"), encoding="utf-8") as f:
        return list(csv.DictReader(f))


reports = rows("reports")
kinds = collections.Counter(r.get("document_kind", "") for r in reports)
communique_years = sorted(
    int(r["report_year"]) for r in reports if r.get("document_kind") == "statistical_communique"
)
outcomes = rows("target_outcomes")
national = [
    r
    for r in outcomes
    if r["place_code"] == "100000"
    and r["period"]
    and 1978 <= int(r["period"]) <= 2025
    and r["indicator"] in headline
]
official = [r for r in national if r["official_outcome_fact_id"]]
nxt = [r for r in national if r["outcome_fact_id"]]
both = [r for r in national if r["outcome_fact_id"] and r["official_outcome_fact_id"]]
agree = [r for r in both if abs(float(r["outcome_value"]) - float(r["official_outcome_value"])) < 1e-9]

print(f"package: {os.path.basename(os.path.normpath(pkg))}")
print(f"reports by kind: {dict(sorted(kinds.items()))}")
if communique_years:
    print(f"communiqués: {len(communique_years)}, years {communique_years[0]}–{communique_years[-1]}")
n = len(national)
pct = lambda k: f"{100 * k / n:.1f} %" if n else "n/a"
print(f"national headline targets 1978–2025: {n}")
print(f"  with a communiqué outcome: {len(official)} ({pct(len(official))})")
print(f"  with a next-report outcome: {len(nxt)} ({pct(len(nxt))})")
print(f"  with either: {len([r for r in national if r['outcome_fact_id'] or r['official_outcome_fact_id']])}")
print(f"  with both: {len(both)}, the same value in {len(agree)}")
met = collections.Counter(r["official_met"] or "(none)" for r in national)
print(f"  official_met: {dict(sorted(met.items()))}")
print("per indicator (targets, communiqué outcome, next-report outcome):")
by = collections.defaultdict(lambda: [0, 0, 0])
for r in national:
    k = (r["indicator"], r["measure"], r["unit"])
    by[k][0] += 1
    by[k][1] += bool(r["official_outcome_fact_id"])
    by[k][2] += bool(r["outcome_fact_id"])
for (ind, measure, unit), (t, o, x) in sorted(by.items(), key=lambda kv: (-kv[1][0], kv[0])):
    print(f"  {ind:32} {measure:7} {unit:17} {t:4} {o:4} {x:4}")
if verbose:
    for r in national:
        if not r["official_outcome_fact_id"]:
            print("  none:", r["report_id"], r["indicator"], r["measure"], r["period"], r["target_value"])
