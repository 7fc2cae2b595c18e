#!/bin/sh
# Builds and runs every libFuzzer target tests/fuzz/fuzz_NAME.c (clang, -fsanitize=fuzzer,
# address,undefined), each against its seed corpus tests/fuzz/corpus_NAME/ (and with the
# dictionary tests/fuzz/NAME.dict when there is one).
#   FUZZ_SECONDS  total time budget, split evenly between the targets (default 600)
#   FUZZ_JOBS     parallel fuzzing processes per target (default 1)
# New inputs go to build/fuzz/corpus_NAME/ (the seed corpus in tests/ is never written), and
# crash/leak/timeout reproducers to build/fuzz/. Exits non-zero if any target found a problem.
set -eu
cd "$(dirname "$0")/.."
SECONDS_TOTAL=${FUZZ_SECONDS:-600}
JOBS=${FUZZ_JOBS:-1}
JOBFLAGS=""
[ "$JOBS" -gt 1 ] && JOBFLAGS="-jobs=$JOBS -workers=$JOBS"
OUT=build/fuzz
CC=${FUZZ_CC:-clang}
FLAGS="-std=c11 -D_GNU_SOURCE -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined -Isrc -I$OUT/gen"
mkdir -p "$OUT/gen"
targets=$(ls tests/fuzz/fuzz_*.c)
n=$(echo "$targets" | wc -l)
per=$((SECONDS_TOTAL / n))
[ "$per" -gt 0 ] || per=1
sh scripts/embed.sh grammar/*.mpc $(ls src/lib/*.ex 2>/dev/null) > "$OUT/gen/embedded.c"
# The ember library without main.c, built with the fuzzing flags (-fsanitize=fuzzer-no-link).
srcs=$(find src -name '*.c' ! -path src/main.c | sort)
status=0
for t in $targets; do
  name=$(basename "$t" .c)
  corpus=tests/fuzz/corpus_${name#fuzz_}
  work=$OUT/corpus_${name#fuzz_}
  mkdir -p "$work"
  echo "fuzz: building $name"
  # shellcheck disable=SC2086
  $CC $FLAGS -o "$OUT/$name" "$t" $srcs "$OUT/gen/embedded.c" -lm -lpthread
  dict=tests/fuzz/${name#fuzz_}.dict
  dictflag=""
  [ -f "$dict" ] && dictflag="-dict=$dict"
  echo "fuzz: running $name for ${per}s ($JOBS job(s))"
  # shellcheck disable=SC2086
  if ! "$OUT/$name" -max_total_time="$per" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
       $JOBFLAGS $dictflag -artifact_prefix="$OUT/$name-" -print_final_stats=1 \
       "$work" "$corpus" > "$OUT/$name.log" 2>&1; then
    echo "fuzz: $name FAILED, see $OUT/$name.log and $OUT/$name-*"
    status=1
  else
    tail -n 12 "$OUT/$name.log" | grep -E 'stat::|Done' || true
    echo "fuzz: $name ok"
  fi
done
exit $status
