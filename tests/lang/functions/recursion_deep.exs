defmodule Deep do
  def sum([]), do: 0
  def sum([h | t]), do: h + sum(t)
  def build(0, acc), do: acc
  def build(n, acc), do: build(n - 1, [1 | acc])
end
IO.inspect(Deep.sum(Deep.build(1_000_000, [])))   # expect: 1000000
