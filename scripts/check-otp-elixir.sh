#!/usr/bin/env bash
# Phase-1 proof of issue #6 while ember cannot run programs yet: loads src/lib/{agent,task,
# gen_server,supervisor}.ex into real Elixir under same-length names (AgEnt, TaSk, GenSErver,
# SuperVisor; scripts/otp-elixir/using.ex stands in for the compiler's `use`), then runs each test
# program through scripts/run-one.sh twice: "ember" being elixir with our modules aliased over
# Elixir's own (names mapped back in the output), and plain elixir. Both must match `# expect:`.
#   scripts/check-otp-elixir.sh [FILE...]      KEEP=1 keeps the work directory
# Default files: tests/pending/otp/*.exs tests/lang/otp/*.exs scripts/examples/*.exs and the
# GenServer and Agent benchmarks.
# Prints run-one.sh's PASS/FAIL lines and "N passed, N failed"; exits non-zero on any failure.
set -u
cd "$(dirname "$0")/.."
work=$(mktemp -d)
[ -n "${KEEP:-}" ] && echo "work dir: $work" || trap 'rm -rf "$work"' EXIT
mkdir -p "$work/src" "$work/ebin"

# Renames module references only (a name followed by . , { } ) ] or " do"), never words in strings,
# to names of the same length (Agent -> AgEnt ...), so inspect wraps long terms at the same place;
# the wrapper below maps them back in the output.
for f in src/lib/agent.ex src/lib/task.ex src/lib/gen_server.ex src/lib/supervisor.ex; do
  sed -E -e 's/(^|[^A-Za-z0-9_.:])(Agent|Task|GenServer|Supervisor)([.,{})]|\]| do$)/\1\2@@\3/g' \
         -e 's/Agent@@/AgEnt/g; s/Task@@/TaSk/g; s/GenServer@@/GenSErver/g; s/Supervisor@@/SuperVisor/g' \
         -e 's/^defmodule (AgEnt|TaSk|GenSErver|SuperVisor) do$/&\n  use EmberOTP.Using/' \
         -e 's/def __using__\(/def __ember_using__(/' \
         "$f" > "$work/src/$(basename "$f")"
done
if ! elixirc -o "$work/ebin" scripts/otp-elixir/using.ex "$work"/src/*.ex > "$work/compile.log" 2>&1; then
  cat "$work/compile.log"; exit 1
fi
grep -A3 'warning' "$work/compile.log"

cat > "$work/ember-otp" <<WRAP
#!/usr/bin/env bash
# run-one.sh calls this as \$EMBER FILE ARGS...: elixir with our modules aliased over Elixir's own.
f=\$1; shift
prog=\$(mktemp --suffix=.exs)
trap 'rm -f "\$prog"' EXIT
{ echo 'alias AgEnt, as: Agent; alias TaSk, as: Task; alias GenSErver, as: GenServer; alias SuperVisor, as: Supervisor'
  cat "\$f"; } > "\$prog"
unname='s/\\bAgEnt\\b/Agent/g; s/\\bTaSk\\b/Task/g; s/\\bGenSErver\\b/GenServer/g; s/\\bSuperVisor\\b/Supervisor/g'
elixir -pa "$work/ebin" "\$prog" "\$@" 2> >(sed "\$unname" >&2) | sed "\$unname"
exit \${PIPESTATUS[0]}
WRAP
chmod +x "$work/ember-otp"

if [ $# -eq 0 ]; then
  set -- $(ls tests/pending/otp/*.exs tests/lang/otp/*.exs scripts/examples/*.exs \
              tests/bench/genserver_call.exs tests/bench/agent_update.exs 2>/dev/null)
fi
passed=0; failed=0
for f in "$@"; do
  out=$(EMBER="$work/ember-otp" bash scripts/run-one.sh "$f" | sed "s#^\(PASS\|FAIL\) $f\$#\1 $f [ours in elixir]#")
  printf '%s\n' "$out"
  passed=$((passed + $(printf '%s\n' "$out" | grep -c '^PASS ')))
  failed=$((failed + $(printf '%s\n' "$out" | grep -c '^FAIL ')))
done
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
