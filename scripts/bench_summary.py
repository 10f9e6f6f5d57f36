#!/usr/bin/env python3
"""Prints the throughput table of BENCHMARKS.md from criterion's results.

Run after `cargo bench -p gwr-extract --bench throughput`:

    python3 scripts/bench_summary.py [TARGET_DIR]

Reads TARGET_DIR/criterion/<group>/<bench>/new/{estimates,benchmark}.json (TARGET_DIR defaults to
$CARGO_TARGET_DIR or ./target) and prints, for every extraction bench, the median time per
iteration, the throughput it means (MB = 10^6 bytes of UTF-8 text), and the multi/single ratio.
"""
import json
import os
import sys
from pathlib import Path


def main() -> int:
    target = Path(sys.argv[1] if len(sys.argv) > 1 else os.environ.get("CARGO_TARGET_DIR", "target"))
    root = target / "criterion"
    if not root.is_dir():
        print(f"{root}: no criterion results; run cargo bench -p gwr-extract --bench throughput", file=sys.stderr)
        return 1
    rows = []
    for est in sorted(root.glob("*/*/new/estimates.json")):
        bench = json.loads((est.parent / "benchmark.json").read_text())
        median_ns = json.loads(est.read_text())["median"]["point_estimate"]
        tp = bench.get("throughput") or {}
        nbytes = tp.get("Bytes")
        mbs = nbytes / (median_ns / 1e9) / 1e6 if nbytes else None
        rows.append((bench["full_id"], median_ns / 1e6, mbs, nbytes))
    if not rows:
        print(f"{root}: no benches found", file=sys.stderr)
        return 1
    print("| bench | median time | median MB/s |")
    print("|---|---|---|")
    for name, ms, mbs, _ in rows:
        print(f"| `{name}` | {ms:.1f} ms | {'' if mbs is None else f'**{mbs:.1f}**'} |")
    single = {n.split("/")[-1]: ms for n, ms, _, _ in rows if n.startswith("extract/single/")}
    for name, ms, _, _ in rows:
        if name.startswith("extract/multi-"):
            base = single.get(name.split("/")[-1])
            if base:
                print(f"\nmulti / single ({name.split('/')[1]}): {base / ms:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
