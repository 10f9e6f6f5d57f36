#!/usr/bin/env python3
"""Checks the charts of a collection's release page against its target_outcomes table.

    check_charts.py DOM_FILE TARGET_OUTCOMES_CSV [--require INDICATOR ...]

DOM_FILE is index.html as headless Chromium rendered it (--dump-dom). Every <figure
class="chart"> states its indicator, measure and unit, how many targets and outcomes it draws,
and the linear map from (year, value) to pixels (data-x, data-y). For each figure this script
takes the table's rows of that indicator, measure and unit with a year, computes where each
target (hollow circle, stroke #1F77B4) and each outcome (filled circle, fill #D62728) must be
drawn, and pairs them with the drawn circles year by year, each within 2.5 px. It fails when a row has
no circle, a circle has no row, the counts differ from the figure's, or the page script did not
mark the figure with the number of circles the browser laid out (data-rendered-points).
Python standard library only.
"""
import csv
import sys
from html.parser import HTMLParser

TARGET_STROKE = "#1F77B4"
OUTCOME_FILL = "#D62728"
TOLERANCE = 2.5  # pixels: the ends of the map and each point are rounded to whole pixels


class Figures(HTMLParser):
    def __init__(self):
        super().__init__()
        self.figures = []
        self.current = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "figure" and "chart" in (a.get("class") or "").split():
            self.current = {"attrs": a, "circles": []}
            self.figures.append(self.current)
        elif tag == "circle" and self.current is not None:
            self.current["circles"].append(a)

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag):
        if tag == "figure":
            self.current = None


def linear(spec):
    a, pa, b, pb = (float(x) for x in spec.split())
    scale = (pb - pa) / (b - a) if b != a else 0.0
    return (lambda v: pa + (v - a) * scale), (lambda p: a + (p - pa) / scale if scale else a)


def match(expected, circles, what, label, year_of):
    """Pairs rows and circles year by year (a year is one column of the chart), each column's
    values in pixel order, so stacked points of many places pair one for one."""
    rows_by_year, drawn_by_year = {}, {}
    for year, value, _x, y in expected:
        rows_by_year.setdefault(year, []).append((y, value))
    for c in circles:
        drawn_by_year.setdefault(round(year_of(float(c["cx"]))), []).append(float(c["cy"]))
    errors = []
    for year in sorted(set(rows_by_year) | set(drawn_by_year)):
        want = sorted(rows_by_year.get(year, []))
        got = sorted(drawn_by_year.get(year, []))
        if len(want) != len(got):
            errors.append(f"{label}: {year}: {len(want)} {what} rows, {len(got)} circles")
            continue
        off = [(v, cy) for (y, v), cy in zip(want, got) if abs(y - cy) > TOLERANCE]
        if off:
            errors.append(f"{label}: {year}: {what} values drawn elsewhere, e.g. {off[:3]}")
    return errors


def main(argv):
    if len(argv) < 3:
        print(__doc__)
        return 2
    dom, table = argv[1], argv[2]
    required = argv[argv.index("--require") + 1 :] if "--require" in argv else []
    parser = Figures()
    with open(dom, encoding="utf-8") as f:
        parser.feed(f.read())
    with open(table, encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    errors = []
    seen = set()
    for fig in parser.figures:
        a = fig["attrs"]
        key = (a["data-indicator"], a["data-measure"], a["data-unit"])
        seen.add(key[0])
        label = "/".join(key)
        (fx, year_of), (fy, _) = linear(a["data-x"]), linear(a["data-y"])
        mine = [
            r
            for r in rows
            if (r["indicator"], r["measure"], r["unit"]) == key
            and r["period"]
            and r["target_value"]
        ]
        targets = [
            (int(r["period"]), float(r["target_value"])) for r in mine
        ]
        outcomes = [
            (int(r["period"]), float(r["outcome_value"])) for r in mine if r["outcome_value"]
        ]
        drawn_t = [
            c
            for c in fig["circles"]
            if (c.get("stroke") or "").upper() == TARGET_STROKE and c.get("fill") == "none"
        ]
        drawn_o = [c for c in fig["circles"] if (c.get("fill") or "").upper() == OUTCOME_FILL]
        if str(len(targets)) != a["data-targets"] or str(len(outcomes)) != a["data-outcomes"]:
            errors.append(
                f"{label}: the figure says {a['data-targets']} targets and {a['data-outcomes']} "
                f"outcomes, the table has {len(targets)} and {len(outcomes)}"
            )
        rendered = a.get("data-rendered-points")
        if rendered is None:
            errors.append(f"{label}: the page script did not run (no data-rendered-points)")
        elif int(rendered) != len(drawn_t) + len(drawn_o):
            errors.append(
                f"{label}: the browser laid out {rendered} circles, the SVG has "
                f"{len(drawn_t) + len(drawn_o)}"
            )
        place = lambda pts: [(y, v, fx(y), fy(v)) for y, v in pts]  # noqa: E731
        errors += match(place(targets), drawn_t, "target", label, year_of)
        errors += match(place(outcomes), drawn_o, "outcome", label, year_of)
        print(
            f"{label}: {len(targets)} targets, {len(outcomes)} outcomes, "
            f"{rendered} circles rendered"
        )
    for ind in required:
        if ind not in seen:
            errors.append(f"no chart of {ind}")
    if errors:
        print("\n".join(errors))
        return 1
    print(f"check_charts: {len(parser.figures)} charts, every point is a row of {table}: ok")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
