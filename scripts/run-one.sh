#!/usr/bin/env bash
# Runs one test file and prints one line per check: "PASS name" or "FAIL name" plus a diff.
# Used by scripts/run-tests.sh; $EMBER is the binary under test.
#
# tests/lang/**/*.exs directives (comments, anywhere on a line):
#   # expect: TEXT               one line the program prints on stdout, in order
#   # expect error: TEXT         a line the program prints on stderr; it then exits with status 1
#   # expect syntax error: L:C: MESSAGE
#                                `ember --check` fails with "FILE:L:C: error: MESSAGE"
#   # run: parse                 only parse it: `ember --check` must succeed, and if FILE.ast
#                                exists, `ember --ast FILE` must print exactly that
#   # ember-only: WHY            do not also run it under elixir (the reason is required)
#   # args: A B                  command-line arguments for the script
#   # sanitizer-args: A B        arguments instead of `# args:` when EMBER_SANITIZER is set (make
#                                asan/tsan, whose builds run several times slower): a smaller size
#   # threads: N                 run only with --threads N, and elixir with that many schedulers
#                                (+S N): the output depends on the order processes run in
# Files under tests/lang/process/ run with --threads 1 and with --threads 4.
# tests/shell/*.iex transcripts are run by scripts/run-shell.sh.
set -u
f=$1
EMBER=${EMBER:-build/ember}
TIMEOUT=${TEST_TIMEOUT:-60}

case "$f" in
  *.iex) exec bash scripts/run-shell.sh "$f" ;;
esac

pass() { echo "PASS $1"; }
fail() { echo "FAIL $1"; shift; printf '%s\n' "$@" | sed 's/^/    /'; }

directive() { grep -o "# $1: .*" "$f" | sed "s/^# $1: //"; }

expected_out=$(directive expect)
expected_err=$(directive 'expect error' | head -1)
syntax_err=$(directive 'expect syntax error' | head -1)
mode=$(directive run | head -1)
ember_only=$(grep -c '# ember-only: ..*' "$f")
args=$(directive args | head -1)
threads=$(directive threads | head -1)
if [ -n "${EMBER_SANITIZER:-}" ] && grep -q '# sanitizer-args: ' "$f"; then
  args=$(directive sanitizer-args | head -1)
fi

if [ -n "$syntax_err" ]; then
  out=$(timeout "$TIMEOUT" "$EMBER" --check "$f" 2>&1); rc=$?
  want="$f:$syntax_err"
  if [ $rc -eq 1 ] && [ "$(printf '%s\n' "$out" | head -1)" = "$want" ]; then pass "$f"
  else fail "$f" "exit $rc (want 1)" "want: $want" "got:  $out"; fi
  exit 0
fi

if [ "$mode" = parse ]; then
  if [ -f "${f%.exs}.ast" ]; then
    d=$(timeout "$TIMEOUT" "$EMBER" --ast "$f" 2>&1 | diff -u "${f%.exs}.ast" - | head -40)
    if [ -z "$d" ]; then pass "$f"; else fail "$f" "$d"; fi
  else
    out=$(timeout "$TIMEOUT" "$EMBER" --check "$f" 2>&1); rc=$?
    if [ $rc -eq 0 ]; then pass "$f"; else fail "$f" "$out"; fi
  fi
  exit 0
fi

# Runs one command and compares stdout with the expect lines and stderr with the expect-error line.
check_run() {
  local name=$1; shift
  local out err rc
  err=$(mktemp)
  # shellcheck disable=SC2086
  out=$(timeout "$TIMEOUT" "$@" "$f" $args 2>"$err" < /dev/null); rc=$?
  local problems=""
  if [ "$out" != "$expected_out" ]; then
    problems="stdout differs:
$(diff <(printf '%s\n' "$expected_out") <(printf '%s\n' "$out") | head -30)"
  fi
  if [ -n "$expected_err" ]; then
    if [ $rc -ne 1 ]; then problems="$problems
exit status $rc, want 1"; fi
    if ! grep -qxF -- "$expected_err" "$err"; then problems="$problems
stderr lacks: $expected_err
stderr was: $(head -5 "$err")"; fi
  elif [ $rc -ne 0 ]; then
    problems="$problems
exit status $rc, want 0; stderr: $(head -5 "$err")"
  fi
  rm -f "$err"
  if [ -z "$problems" ]; then pass "$name"; else fail "$name" "$problems"; fi
}

elixir_flags=()
if [ -n "$threads" ]; then
  check_run "$f [threads $threads]" "$EMBER" --threads "$threads"
  elixir_flags=(--erl "+S $threads")
else
  case "$f" in
    tests/lang/process/*)
      check_run "$f [threads 1]" "$EMBER" --threads 1
      check_run "$f [threads 4]" "$EMBER" --threads 4 ;;
    *) check_run "$f" "$EMBER" ;;
  esac
fi
if [ "$ember_only" -eq 0 ] && [ -z "${EMBER_NO_ELIXIR:-}" ] && command -v elixir >/dev/null; then
  check_run "$f [elixir]" elixir "${elixir_flags[@]}"
fi
