#!/usr/bin/env python3
"""Side-by-side benchmark: runs each tests/bench/NAME.exs under ember and elixir (and
tests/bench/NAME.py under python3 when it exists) in the same run, checks they print the same,
and prints a Markdown table of best-of-N wall time and peak RSS with ember's ratios.

    scripts/bench_compare.py [--runs N] [--ember PATH] [--flags "--threads 2"] [--targets] NAME...

A "# elixir-flags: ..." comment in NAME.exs gives elixir extra flags (e.g. --erl "+P 2000000").
--targets adds a column with the issue's target for ember/elixir wall time, where there is one.

Ratios, not absolute times, are what to quote: the machines are shared and noisy.
A NAME whose outputs differ is reported as WRONG and makes the exit status 1.
"""
import argparse, os, shlex, subprocess, sys, time

RUNSTAT = "build/bench/runstat"

def build_runstat():
    src = "scripts/runstat.c"
    if not os.path.exists(RUNSTAT) or os.path.getmtime(RUNSTAT) < os.path.getmtime(src):
        os.makedirs(os.path.dirname(RUNSTAT), exist_ok=True)
        subprocess.run([os.environ.get("CC", "cc"), "-O2", "-o", RUNSTAT, src], check=True)

# Runs cmd once through scripts/runstat.c, never as a fork of this Python process: Linux keeps a
# process's peak RSS across exec, so a forked Python child would report Python's ~10 MB as the
# measured program's peak.
def run_measured(cmd):
    path = "/tmp/.ember_bench_out.%d" % os.getpid()
    start = time.perf_counter()
    r = subprocess.run([RUNSTAT, "1"] + cmd, env=dict(os.environ, RUNSTAT_OUT=path),
                       stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    secs = time.perf_counter() - start
    out = b""
    if os.path.exists(path):
        with open(path, "rb") as f:
            out = f.read()
        os.unlink(path)
    fields = r.stdout.split()
    if r.returncode != 0 or len(fields) != 3:
        return secs, 0, out + b"\n(exit status %d)" % r.returncode
    return float(fields[0]), int(fields[2]), out

# ember/elixir wall-time targets (issue 4), on the 2-core machine, same run.
TARGETS = {"spawn": 0.25, "ring": 0.5, "pingpong": 0.5, "skynet": 0.2}

def elixir_flags(path):
    with open(path) as f:
        for line in f:
            if line.startswith("# elixir-flags: "):
                return shlex.split(line[len("# elixir-flags: "):])
    return []

def best_of(cmd, runs):
    results = [run_measured(cmd) for _ in range(runs)]
    return min(r[0] for r in results), max(r[1] for r in results), results[0][2]

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--ember", default="build/ember")
    ap.add_argument("--flags", default="")
    ap.add_argument("--targets", action="store_true")
    ap.add_argument("names", nargs="+")
    a = ap.parse_args()
    build_runstat()
    print("| program | ember s | elixir s | ember/elixir |%s python3 s | ember/python3 | ember MB | elixir MB | RSS ratio |"
          % (" target |" if a.targets else ""))
    print("|---|---|---|---|---|---|---|---|---|%s" % ("---|" if a.targets else ""))
    bad = False
    for name in a.names:
        exs, py = "tests/bench/%s.exs" % name, "tests/bench/%s.py" % name
        et, erss, eout = best_of([a.ember] + shlex.split(a.flags) + [exs], a.runs)
        xt, xrss, xout = best_of(["elixir"] + elixir_flags(exs) + [exs], a.runs)
        pt = pout = None
        if os.path.exists(py):
            pt, _, pout = best_of(["python3", py], a.runs)
        wrong = eout != xout or (pout is not None and pout.strip() != xout.strip())
        bad |= wrong
        cell = lambda v: "%.3f" % v if v is not None else "-"
        target = ""
        if a.targets:
            t = TARGETS.get(name)
            target = " %s |" % ("-" if t is None else "<= %.2f %s" % (t, "met" if et / xt <= t else "MISSED"))
        print("| %s%s | %s | %s | %.2f |%s %s | %s | %.1f | %.1f | %.2f |" % (
            name, " (WRONG output)" if wrong else "", cell(et), cell(xt), et / xt, target, cell(pt),
            "%.2f" % (et / pt) if pt else "-", erss / 1024, xrss / 1024, erss / xrss))
        if wrong:
            sys.stderr.write("%s: ember printed %r, elixir %r, python %r\n" % (name, eout[:200], xout[:200], (pout or b"")[:200]))
    return 1 if bad else 0

if __name__ == "__main__":
    sys.exit(main())
