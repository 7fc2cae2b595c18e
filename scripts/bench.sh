#!/bin/sh
# ember's benchmarks. `sh scripts/bench.sh [MODE]`; no MODE runs every mode.
#   parse   front-end speed: start-up with grammar load (`ember --check` on an empty file),
#           then `ember --check` on a generated ~1 MB program (scripts/gen-parse-bench.py):
#           best of BENCH_RUNS (default 5) wall times, MB/s and peak RSS.
# Each mode prints a small table. EMBER (default build/ember) is the binary measured.
set -eu
cd "$(dirname "$0")/.."
EMBER=${EMBER:-build/ember}
RUNS=${BENCH_RUNS:-5}
WORK=build/bench
mkdir -p "$WORK"

# Prints "SECONDS MAXRSS_KB" for the best of $RUNS runs of the command "$@" (stdout discarded).
best_of() {
  [ "$WORK/runstat" -nt scripts/runstat.c ] || ${CC:-cc} -O2 -o "$WORK/runstat" scripts/runstat.c
  "$WORK/runstat" "$RUNS" "$@"
}

bench_parse() {
  python3 scripts/gen-parse-bench.py $((1 << 20)) > "$WORK/parse-1mb.exs"
  : > "$WORK/empty.exs"
  bytes=$(wc -c < "$WORK/parse-1mb.exs")
  set -- $(best_of "$EMBER" --check "$WORK/empty.exs"); empty_s=$1; empty_kb=$2
  set -- $(best_of "$EMBER" --check "$WORK/parse-1mb.exs"); s=$1; kb=$2
  awk -v b="$bytes" -v s="$s" -v e="$empty_s" -v kb="$kb" -v ekb="$empty_kb" -v runs="$RUNS" 'BEGIN {
    printf "%-40s %14s\n", "parse benchmark", "value"
    printf "%-40s %11.2f ms\n", "start-up + grammar load (empty file)", e * 1000
    printf "%-40s %11.1f MB\n", "  its peak RSS", ekb / 1024
    printf "%-40s %12d B\n", "generated program", b
    printf "%-40s %11.3f s\n", "ember --check, best of " runs, s
    printf "%-40s %9.2f MB/s\n", "parse speed (minus start-up)", b / 1048576 / (s - e)
    printf "%-40s %11.1f MB\n", "peak RSS", kb / 1024
    printf "%-40s %12.1fx\n", "peak RSS / input size", kb * 1024 / b
  }'
}

case "${1:-all}" in
  parse) bench_parse ;;
  all) bench_parse ;;
  *) echo "usage: sh scripts/bench.sh [parse]" >&2; exit 2 ;;
esac
