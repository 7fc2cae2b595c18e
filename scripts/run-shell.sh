#!/usr/bin/env bash
# Runs one shell transcript (tests/shell/NAME.iex) and prints "PASS name" or "FAIL name" + a diff.
#
# A transcript is written as a terminal shows a session (like the seeds): lines starting with
# a prompt `iex(N)> ` or `...(N)> ` carry what the user typed; every other line is what the
# shell printed. The input lines are piped to `ember` (plus `# ember-args:` from an optional
# first line, e.g. `# ember-args: -i tests/shell/kv.exs`), and since piped input is not echoed
# (as with `iex < file`), the expected screen is each prompt without its input, followed by
# the output lines. The banner line is not compared. Pids are renamed in order of first
# appearance (#PID<0.110.0> -> #PID<0.P1.0>) on both sides, so only their identities count;
# references become #Reference<R> and a crash report's time stamp `HH:MM:SS.mmm [error]`
# becomes `[error]`. The shell's stdout and stderr are read as one stream, in write order.
set -u
f=$1
EMBER=${EMBER:-build/ember}
exec python3 - "$f" "$EMBER" "${TEST_TIMEOUT:-60}" <<'PY'
import re, subprocess, sys, difflib, shlex
path, ember, timeout = sys.argv[1], sys.argv[2], int(sys.argv[3])
lines = open(path, encoding="utf-8").read().split("\n")
if lines and lines[-1] == "":
    lines.pop()
args = []
if lines and lines[0].startswith("# ember-args:"):
    args = shlex.split(lines.pop(0)[len("# ember-args:"):])
prompt = re.compile(r"^((?:iex|\.\.\.)\(\d+\)>)(?: (.*))?$")
inputs, expected = [], ""
for line in lines:
    line = line.rstrip()
    m = prompt.match(line)
    if m:
        expected += m.group(1) + " "
        inputs.append(m.group(2) or "")
    else:
        expected += line + "\n"
# The transcript's final prompt has no input: the shell prints it and then sees end of input.
if inputs and inputs[-1] == "" and prompt.match(lines[-1].rstrip()):
    inputs.pop()
try:
    run = subprocess.run([ember] + args, input="\n".join(inputs) + "\n", stdout=subprocess.PIPE,
                         stderr=subprocess.STDOUT, text=True, timeout=timeout,
                         env={"NO_COLOR": "1", "PATH": "/usr/bin:/bin", "TERM": "dumb",
                              "HOME": "/nonexistent"})
    actual = run.stdout
except subprocess.TimeoutExpired as e:
    actual = "(timed out after %ds)\n" % timeout
if actual.startswith("Interactive "):
    actual = actual.split("\n", 1)[1] if "\n" in actual else ""

def norm(text):
    seen = {}
    def rename(m):
        seen.setdefault(m.group(0), "#PID<0.P%d.0>" % (len(seen) + 1))
        return seen[m.group(0)]
    text = re.sub(r"#Reference<[\d.]+>", "#Reference<R>", text)
    text = re.sub(r"(?m)^\d\d:\d\d:\d\d\.\d\d\d \[error\]", "[error]", text)
    return re.sub(r"#PID<\d+\.\d+\.\d+>", rename, text)

want, got = norm(expected), norm(actual)
if want == got:
    print("PASS " + path)
else:
    print("FAIL " + path)
    diff = difflib.unified_diff(want.split("\n"), got.split("\n"), "expected", "ember", lineterm="", n=2)
    for d in list(diff)[:40]:
        print("    " + d)
PY
