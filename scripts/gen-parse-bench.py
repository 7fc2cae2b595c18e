#!/usr/bin/env python3
"""Writes a deterministic, realistic ember program of about SIZE bytes (default 1 MB) to stdout,
for `scripts/bench.sh parse`: modules with defs, guards, case/cond/if, fn and captures, pipes,
maps and structs, string interpolation, receive loops, comprehensions and with."""
import random
import sys

size = int(sys.argv[1]) if len(sys.argv) > 1 else 1 << 20
rnd = random.Random(42)
names = ["alpha", "beta", "gamma", "delta", "count", "total", "acc", "item", "state", "value"]


def n():
    return rnd.choice(names)


def defs(i):
    a, b = n(), n() + "2"
    yield f"  @doc \"Computes #{i} things\"\n"
    yield f"  def run{i}({a}, {b} \\\\ 0) when is_integer({a}) and {a} > {i} do\n"
    yield f"    result =\n      {a}\n      |> Enum.map(&(&1 * {i}))\n      |> Enum.filter(fn x -> rem(x, 2) == 0 end)\n"
    yield f"      |> Enum.reduce(%{{}}, fn x, acc -> Map.update(acc, x, 1, &(&1 + 1)) end)\n"
    yield f"    case Map.fetch(result, {b}) do\n      {{:ok, v}} when v > 1 -> {{:ok, v * 2}}\n"
    yield f"      {{:ok, v}} -> {{:ok, v}}\n      :error -> {{:error, \"missing #{{inspect({b})}} in #{{map_size(result)}}\"}}\n    end\n  end\n\n"
    yield f"  defp loop{i}(%{{count: c}} = st) do\n    receive do\n      {{:add, n, from}} ->\n"
    yield f"        send from, {{:ok, c + n}}\n        loop{i}(%{{st | count: c + n}})\n"
    yield f"      {{:get, from}} ->\n        send(from, st.count)\n        loop{i}(st)\n"
    yield f"    after\n      5_000 -> :timeout\n    end\n  end\n\n"
    yield f"  def check{i}(x) do\n    cond do\n      x < {i} -> :low\n      x in [{i}, {i + 1}, {i + 2}] -> :mid\n      true -> if x > 1_000, do: :huge, else: :high\n    end\n  end\n\n"
    yield f"  def squares{i}(list), do: for(x <- list, x > 0, into: %{{}}, do: {{x, x * x}})\n\n"
    yield f"  def fetch{i}(m) do\n    with {{:ok, a}} <- Map.fetch(m, :a),\n         {{:ok, b}} <- Map.fetch(m, :b) do\n"
    yield f"      a + b + {rnd.randint(0, 999)}.5\n    else\n      _ -> nil\n    end\n  end\n\n"


out = []
total = 0
m = 0
while total < size:
    chunk = [f"defmodule Bench.Mod{m} do\n", "  @moduledoc \"\"\"\n  Generated module.\n  \"\"\"\n",
             f"  defstruct name: \"m{m}\", count: 0, tags: []\n\n"]
    for i in range(m * 5, m * 5 + 5):
        chunk.extend(defs(i))
    chunk.append("end\n\n")
    s = "".join(chunk)
    out.append(s)
    total += len(s)
    m += 1
sys.stdout.write("".join(out))
