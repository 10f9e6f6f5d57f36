#!/usr/bin/env python3
"""Quick check of the headline indicator coding on extracted collections (standard library only).

usage:
  target/release/gwr extract data/collections/national/sources --out /tmp/nat -q
  target/release/gwr extract data/collections/provinces/sources --out /tmp/prov -q
  python3 scripts/headline_check.py /tmp/nat [/tmp/prov] [--gold GOLD_DIR]

With --gold (a folder holding national.tsv and/or provincial.tsv in the columns of
crates/gwr-panel/tests/gold/README.md, e.g. the gold's tune/ part), it also scores the
extraction against it: a target row is found when a target fact of the report (place and
year) has its indicator, measure, value, value_max, qualifier and period; an outcome row when an
actual or forecast fact has its indicator, measure, value and period, and linked when the
target_outcomes row of the matching target carries that value.

National (reports of 1992–2025): for each year whose report states a GDP (or, before 1994,
GNP) growth target, whether a target fact of that report has the right indicator, measure
`change`, value, qualifier and period (the expected values below were read by hand from the
committed texts, the quote beside each); whether the next report states the outcome with the
same indicator, measure, unit and period (a `target_outcomes` row with an outcome); and, per
headline indicator, how many reports have a target fact coded with it. Provinces: the share of
province-years (place, report year) with a `gdp` `change` target for the report's year.
"""
import collections
import csv
import os
import sys

# year -> (indicator, value, value_max, qualifier, how the text says it)
GDP_TARGETS = {
    1992: ("gnp", 6, None, "exact", "国民生产总值增长百分之六"),
    1993: ("gnp", 8, None, "exact", "今年国民生产总值计划增长百分之八"),
    1994: ("gdp", 9, None, "exact", "今年计划国内生产总值增长百分之九"),
    1995: ("gdp", 8, 9, "range", "今年经济增长速度的宏观调控目标，定为百分之八至九"),
    1996: ("gdp", 8, None, "exact", "今年经济增长速度的调控目标定为8%"),
    1997: ("gdp", 8, None, "exact", "经济增长速度的调控目标定为8%"),
    1998: ("gdp", 8, None, "exact", "主要目标是：经济增长速度8%"),
    1999: ("gdp", 7, None, "approx", "今年的经济增长预期为7%左右"),
    2003: ("gdp", 7, None, "approx", "今年经济增长预期目标为7%左右"),
    2004: ("gdp", 7, None, "approx", "今年经济增长预期目标为7%左右"),
    2005: ("gdp", 8, None, "approx", "国内生产总值增长8%左右"),
    2006: ("gdp", 8, None, "approx", "国内生产总值增长8%左右"),
    2007: ("gdp", 8, None, "approx", "国内生产总值增长8%左右"),
    2008: ("gdp", 8, None, "approx", "国内生产总值增长8%左右"),
    2009: ("gdp", 8, None, "approx", "国内生产总值增长8%左右"),
    2010: ("gdp", 8, None, "approx", "国内生产总值增长8%左右"),
    2011: ("gdp", 8, None, "approx", "国内生产总值增长8%左右"),
    2012: ("gdp", 7.5, None, "exact", "国内生产总值增长7.5%"),
    2013: ("gdp", 7.5, None, "approx", "国内生产总值增长7.5%左右"),
    2014: ("gdp", 7.5, None, "approx", "国内生产总值增长7.5%左右"),
    2015: ("gdp", 7, None, "approx", "国内生产总值增长7%左右"),
    2016: ("gdp", 6.5, 7, "range", "国内生产总值增长6.5%—7%"),
    2017: ("gdp", 6.5, None, "approx", "国内生产总值增长6.5%左右"),
    2018: ("gdp", 6.5, None, "approx", "国内生产总值增长6.5%左右"),
    2019: ("gdp", 6, 6.5, "range", "国内生产总值增长6%—6.5%"),
    2021: ("gdp", 6, None, "lower_bound", "国内生产总值增长6%以上"),
    2022: ("gdp", 5.5, None, "approx", "国内生产总值增长5.5%左右"),
    2023: ("gdp", 5, None, "approx", "国内生产总值增长5%左右"),
    2024: ("gdp", 5, None, "approx", "国内生产总值增长5%左右"),
    2025: ("gdp", 5, None, "approx", "国内生产总值增长5%左右"),
}


def read(out, table):
    path = os.path.join(out, f"{table}.csv")
    if not os.path.exists(path):  # a published package keeps its tables under data/
        path = os.path.join(out, "data", f"{table}.csv")
    if not os.path.exists(path) and table == "target_outcomes":
        return None  # the example collection_facts writes no target_outcomes
    with open(path, encoding="utf-8") as f:
        return list(csv.DictReader(f))


def num(s):
    return float(s) if s not in ("", None) else None


def headline_codes():
    here = os.path.dirname(os.path.abspath(__file__))
    path = os.path.join(here, "..", "crates", "gwr-panel", "data", "directions.tsv")
    codes = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            cells = line.rstrip("\n").split("\t")
            if len(cells) == 4 and not line.startswith("#") and cells[2] == "yes":
                codes.append(cells[0])
    return codes


def national(out):
    reports = {r["report_id"]: r for r in read(out, "reports")}
    year_of = {rid: int(r["report_year"]) for rid, r in reports.items() if r["report_year"]}
    by_year = {}
    for rid, y in year_of.items():
        by_year.setdefault(y, rid)
    facts = read(out, "facts")
    outcomes = read(out, "target_outcomes")
    linked = {o["target_fact_id"]: o for o in outcomes or () if o["outcome_fact_id"]}
    right = found_outcome = stated_outcome = 0
    misses = []
    for year, (code, v, vmax, q, how) in sorted(GDP_TARGETS.items()):
        rid = by_year.get(year)
        fs = [f for f in facts if f["report_id"] == rid and f["status"] == "target"]
        ok = [
            f
            for f in fs
            if f["indicator"] == code
            and f["measure"] == "change"
            and f["period"] == str(year)
            and num(f["value"]) == v
            and num(f["value_max"]) == vmax
            and f["qualifier"] == q
        ]
        if ok:
            right += 1
        else:
            near = [f for f in fs if f["unit"] == "percent" and num(f["value"]) == v]
            got = "; ".join(
                f"{f['subject']}|{f['indicator']}|{f['measure']}|{f['qualifier']}|{f['period']}"
                for f in near[:3]
            )
            misses.append(f"  {year} {how}: got {got or 'no target fact of that value'}")
            continue
        # the outcome: the next report states this year's growth
        nxt = by_year.get(year + 1)
        stated = [
            f
            for f in facts
            if f["report_id"] == nxt
            and f["indicator"] == code
            and f["measure"] == "change"
            and f["period"] == str(year)
            and f["status"] in ("actual", "forecast")
        ]
        if stated:
            stated_outcome += 1
        if any(f["fact_id"] in linked for f in ok) or (outcomes is None and stated):
            found_outcome += 1
        elif nxt:
            misses.append(f"  {year} outcome not linked ({len(stated)} coded outcome facts in {nxt})")
    n = len(GDP_TARGETS)
    print(f"national GDP/GNP growth targets 1992-2025: {right}/{n} right (indicator, change, value, qualifier, period)")
    print(f"  of those, next report states the outcome coded alike: {stated_outcome}; linked in target_outcomes: {found_outcome}")
    for m in misses:
        print(m)
    # per headline code: reports 1992-2025 with a target fact of it
    per = collections.defaultdict(set)
    for f in facts:
        y = year_of.get(f["report_id"])
        if f["status"] == "target" and y and 1992 <= y <= 2025 and f["indicator"]:
            per[f["indicator"]].add(y)
    print("national reports 1992-2025 with a target fact of each headline indicator:")
    for c in headline_codes():
        print(f"  {c}: {len(per.get(c, ()))}")


def provinces(out):
    reports = read(out, "reports")
    years = {}
    for r in reports:
        if r["admin_level"] == "province" and r["place_code"] and r["report_year"]:
            years[(r["place_code"], int(r["report_year"]))] = r["report_id"]
    place_year = {r["report_id"]: (r["place_code"], r["report_year"]) for r in reports}
    have = set()
    for f in read(out, "facts"):
        if f["status"] == "target" and f["indicator"] == "gdp" and f["measure"] == "change":
            p, y = place_year.get(f["report_id"], (None, None))
            if p and y and f["period"] == y:
                have.add((p, int(y)))
    hit = sum(1 for k in years if k in have)
    share = 100.0 * hit / len(years) if years else 0.0
    print(f"provinces: {hit}/{len(years)} province-years ({share:.1f}%) with a gdp change target for the report's year")
    missing = sorted(k for k in years if k not in have)
    print("  missing:", " ".join(f"{p}-{y}" for p, y in missing[:60]))


def close(a, b):
    if a is None or b is None:
        return a is None and b is None
    return abs(a - b) <= 1e-6 * max(1.0, abs(b))


def gold_score(gold_dir, outs):
    """Scores the extracted outputs against the gold rows of gold_dir."""
    facts, reports, linked = [], {}, {}
    no_links = False  # without target_outcomes, an outcome found with the keys counts as linked
    for out in outs:
        for r in read(out, "reports"):
            if r["place_code"] and r["report_year"]:
                reports.setdefault((r["place_code"], r["report_year"]), r["report_id"])
        facts += read(out, "facts")
        outs_rows = read(out, "target_outcomes")
        if outs_rows is None:
            no_links = True
        for o in outs_rows or ():
            linked[o["target_fact_id"]] = o
    by_report = collections.defaultdict(list)
    for f in facts:
        by_report[f["report_id"]].append(f)
    for name in ("national", "provincial"):
        path = os.path.join(gold_dir, f"{name}.tsv")
        if not os.path.exists(path):
            continue
        with open(path, encoding="utf-8") as f:
            rows = list(csv.DictReader(f, delimiter="\t"))
        targets = {}
        n_t = n_o = ok_t = ok_o = 0
        misses = []
        for g in rows:
            if g["kind"] not in ("target", "outcome"):
                continue
            rid = reports.get((g["place_code"], g["report_year"]))
            want = num(g["value"])
            cand = [
                f
                for f in by_report.get(rid, ())
                if f["indicator"] == g["indicator"]
                and f["measure"] == g["measure"]
                and f["period"] == g["period"]
                and close(num(f["value"]), want)
            ]
            if g["kind"] == "target":
                n_t += 1
                hit = [
                    f
                    for f in cand
                    if f["status"] == "target"
                    and close(num(f["value_max"]), num(g["value_max"]))
                    and f["qualifier"] == g["qualifier"]
                ]
                if hit:
                    ok_t += 1
                    targets[(g["place_code"], g["indicator"], g["measure"], g["period"])] = hit
                else:
                    near = [
                        f"{f['subject']}|{f['indicator']}|{f['measure']}|{f['qualifier']}|{f['status']}|{f['period']}"
                        for f in by_report.get(rid, ())
                        if close(num(f["value"]), want) and f["quote"] and f["quote"] in g["quote"]
                    ]
                    misses.append(f"  target {g['report_year']} {g['indicator']} {g['quote']}: got {'; '.join(near[:2]) or '-'}")
            else:
                n_o += 1
                hit = [f for f in cand if f["status"] in ("actual", "forecast")]
                key = (g["place_code"], g["indicator"], g["measure"], g["period"])
                link = [
                    linked.get(t["fact_id"], {}).get("outcome_value") for t in targets.get(key, ())
                ]
                if hit and (no_links or any(v and close(num(v), want) for v in link)):
                    ok_o += 1
                else:
                    near = [
                        f"{f['subject']}|{f['indicator']}|{f['measure']}|{f['status']}|{f['period']}"
                        for f in by_report.get(rid, ())
                        if close(num(f["value"]), want) and f["quote"] and f["quote"] in g["quote"]
                    ]
                    why = "not linked" if hit else "not found: " + ("; ".join(near[:2]) or "-")
                    misses.append(f"  outcome {g['report_year']} {g['indicator']} {g['quote']}: {why}")
        print(f"gold {name}: targets {ok_t}/{n_t} found right; outcomes {ok_o}/{n_o} found and linked")
        for m in misses:
            print(m)


if __name__ == "__main__":
    args = sys.argv[1:]
    gold = None
    if "--gold" in args:
        k = args.index("--gold")
        gold = args[k + 1]
        del args[k : k + 2]
    if not args:
        sys.exit(__doc__)
    national(args[0])
    if len(args) > 1:
        provinces(args[1])
    if gold:
        gold_score(gold, args)
