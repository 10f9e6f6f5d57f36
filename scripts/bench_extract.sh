#!/usr/bin/env bash
# End-to-end speed and memory of `gwr extract` (reading, decoding, extraction, writing every
# table, CSV and Parquet, and the source texts), on the lawtext corpus:
#   1. the whole corpus as one folder, on every core;
#   2. the corpus cut into one ~16 MB file, on one core (taskset -c 0), and its first half
#      (~8 MB) for linearity (time ratio over byte ratio; 1.0 is linear);
# each with hyperfine (median of RUNS runs) and /usr/bin/time -v (peak RSS), the load average
# printed before each. Figures in BENCHMARKS.md come from this script.
#
# usage: scripts/bench_extract.sh [CORPUS]      (default ../shared/corpus/lawtext)
# env:   GWR_BIN (default: cargo build --release, then $CARGO_TARGET_DIR/release/gwr),
#        GWR_BENCH_DIR (default /tmp/gwr-bench), RUNS (default 5), GWR_EXTRACT_ARGS (extra
#        arguments for the folder run, e.g. --skip-bad).
set -euo pipefail

corpus=${1:-../shared/corpus/lawtext}
work=${GWR_BENCH_DIR:-/tmp/gwr-bench}
runs=${RUNS:-5}
[ -d "$corpus" ] || { echo "no corpus at $corpus" >&2; exit 2; }
command -v hyperfine >/dev/null || { echo "needs hyperfine (apt-get install hyperfine)" >&2; exit 2; }

if [ -z "${GWR_BIN:-}" ]; then
    cargo build --release --workspace >&2
    GWR_BIN="${CARGO_TARGET_DIR:-target}/release/gwr"
fi
bin=$(realpath "$GWR_BIN")

mkdir -p "$work"
# A flat copy: every Markdown report as cNNNN.txt (numbered in path order, so ids are unique
# and the order is the corpus's), the upstream READMEs left out.
if [ ! -f "$work/flat/.done" ]; then
    rm -rf "$work/flat" && mkdir -p "$work/flat"
    i=0
    while IFS= read -r -d '' f; do
        i=$((i + 1))
        cp "$f" "$work/flat/c$(printf %04d "$i").txt"
    done < <(find "$corpus" -name '*.md' ! -name 'README.md' ! -name 'UPSTREAM-README.md' -print0 | LC_ALL=C sort -z)
    # one ~16 MB file and its ~8 MB first half: whole reports, in the same order
    python3 - "$work" <<'EOF'
import pathlib, sys
work = pathlib.Path(sys.argv[1])
files = sorted((work / "flat").glob("c*.txt"))
for name, limit in (("one8.txt", 8_000_000), ("one16.txt", 16_000_000)):
    out, size = [], 0
    for f in files:
        if size >= limit:
            break
        b = f.read_bytes()
        out.append(b)
        size += len(b)
    (work / name).write_bytes(b"\n".join(out))
EOF
    touch "$work/flat/.done"
fi

bytes_of() { if [ -d "$1" ]; then find "$1" -name '*.txt' -printf '%s\n' | awk '{s+=$1} END {print s}'; else stat -c %s "$1"; fi; }

# run NAME INPUT PREFIX... -- ARGS: hyperfine median and peak RSS of `PREFIX gwr extract INPUT ARGS`
run() {
    local name=$1 input=$2; shift 2
    local prefix=()
    while [ "$1" != "--" ]; do prefix+=("$1"); shift; done
    shift
    local out="$work/out-$name" bytes
    bytes=$(bytes_of "$input")
    echo "== $name: $(basename "$input"), $bytes bytes; load: $(cut -d' ' -f1-3 /proc/loadavg)"
    hyperfine --runs "$runs" --warmup 1 --export-json "$work/$name.json" \
        "${prefix[*]} $bin extract $input --out $out -q $*" >/dev/null
    /usr/bin/time -v "${prefix[@]}" "$bin" extract "$input" --out "$out" -q "$@" 2>"$work/$name.time"
    python3 - "$work/$name.json" "$work/$name.time" "$bytes" "$name" <<'EOF'
import json, re, sys
times = json.load(open(sys.argv[1]))["results"][0]["times"]
times.sort()
median = times[len(times) // 2]
rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", open(sys.argv[2]).read()).group(1))
b = int(sys.argv[3])
print(f"{sys.argv[4]}: median {median:.3f} s (min {times[0]:.3f}, max {times[-1]:.3f}, {len(times)} runs), "
      f"{b / median / 1e6:.1f} MB/s, peak RSS {rss / 1024:.0f} MiB")
EOF
    echo "   load after: $(cut -d' ' -f1-3 /proc/loadavg)"
}

# shellcheck disable=SC2086
run folder "$work/flat" -- ${GWR_EXTRACT_ARGS:-}
run one16 "$work/one16.txt" taskset -c 0 -- --year 2024
run one8 "$work/one8.txt" taskset -c 0 -- --year 2024
python3 - "$work" <<'EOF'
import json, os, sys
w = sys.argv[1]
def median(n):
    t = sorted(json.load(open(f"{w}/{n}.json"))["results"][0]["times"])
    return t[len(t) // 2]
b16, b8 = os.path.getsize(f"{w}/one16.txt"), os.path.getsize(f"{w}/one8.txt")
t16, t8 = median("one16"), median("one8")
print(f"linearity: {b16 / b8:.2f}x the text took {t16 / t8:.2f}x the time "
      f"(time ratio / byte ratio = {(t16 / t8) / (b16 / b8):.2f})")
EOF
