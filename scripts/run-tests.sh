#!/usr/bin/env bash
# ember's one test runner: C unit tests (Criterion), tests/lang expect-comment programs,
# tests/shell transcripts, the workshop examples scripts/examples/*.exs (their `# expect:`
# comments, compared with elixir like tests/lang) and tests/shell/tty terminal tests (tmux).
# Prints each failure's name and a diff, ends with "N passed, N failed" and exits non-zero on
# any failure.
#   scripts/run-tests.sh [--build DIR] [--no-elixir] [FILTER]
# FILTER keeps only tests whose path contains it. Elixir comparison runs when `elixir` is on PATH
# (set EMBER_NO_ELIXIR=1 or pass --no-elixir to skip it).
set -u
cd "$(dirname "$0")/.."
BUILD=build
FILTER=""
while [ $# -gt 0 ]; do
  case "$1" in
    --build) BUILD=$2; shift 2 ;;
    --no-elixir) export EMBER_NO_ELIXIR=1; shift ;;
    *) FILTER=$1; shift ;;
  esac
done
export EMBER="$PWD/$BUILD/ember"
RESULTS=$(mktemp -d)
trap 'rm -rf "$RESULTS"' EXIT
JOBS=${JOBS:-$(nproc 2>/dev/null || echo 2)}

passed=0; failed=0

# 1. Unit tests: each Criterion binary reports its own synthesis line.
for t in "$BUILD"/tests/*; do
  [ -x "$t" ] || continue
  case "$t" in *"$FILTER"*) ;; *) continue ;; esac
  out=$("$t" --jobs "$JOBS" 2>&1); rc=$?
  syn=$(printf '%s\n' "$out" | grep 'Synthesis:' | tail -1)
  np=$(printf '%s\n' "$syn" | sed -n 's/.*Passing: \([0-9]*\).*/\1/p')
  nt=$(printf '%s\n' "$syn" | sed -n 's/.*Tested: \([0-9]*\).*/\1/p')
  np=${np:-0}; nt=${nt:-0}
  passed=$((passed + np)); failed=$((failed + nt - np))
  if [ "$rc" -ne 0 ] || [ "$nt" -ne "$np" ]; then
    [ "$nt" -eq "$np" ] && failed=$((failed + 1))
    echo "FAIL unit $(basename "$t")"
    printf '%s\n' "$out" | grep -vE '^\[----\]|^\[====\]' | sed 's/^/    /' | head -60
  fi
done

# 2. Language tests, workshop examples and shell transcripts, in parallel, one result file each.
find tests/lang tests/shell scripts/examples \( -name '*.exs' -o -name '*.iex' \) 2>/dev/null | sort | grep -F -- "$FILTER" |
  xargs -r -P "$JOBS" -I{} sh -c 'bash scripts/run-one.sh "$1" > "$2/$(echo "$1" | tr / _).res" 2>&1' _ {} "$RESULTS"

for r in "$RESULTS"/*.res; do
  [ -f "$r" ] || continue
  p=$(grep -c '^PASS ' "$r"); f=$(grep -c '^FAIL ' "$r")
  passed=$((passed + p)); failed=$((failed + f))
  [ "$f" -gt 0 ] && cat "$r"
done

# 3. Terminal tests: tests/shell/tty/*.sh drive a real terminal in tmux (lib.sh is their helper),
#    one at a time; each prints PASS, FAIL or SKIP (tmux missing) and exits non-zero on failure.
for t in tests/shell/tty/*.sh; do
  [ -f "$t" ] && [ "$(basename "$t")" != lib.sh ] || continue
  case "$t" in *"$FILTER"*) ;; *) continue ;; esac
  out=$(bash "$t" "$BUILD" 2>&1); rc=$?
  if [ "$rc" -ne 0 ]; then
    failed=$((failed + 1)); printf '%s\n' "$out"
  elif printf '%s\n' "$out" | grep -q '^SKIP '; then
    printf '%s\n' "$out" | grep '^SKIP '
  else
    passed=$((passed + 1))
  fi
done

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
