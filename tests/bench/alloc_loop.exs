# Builds and drops a 1,000-element list 10,000 times (10,000,000 cons cells): heap must stay flat.
defmodule AllocLoop do
  def build(0, acc), do: acc
  def build(n, acc), do: build(n - 1, [n | acc])
  def loop(0, total), do: total
  def loop(n, total), do: loop(n - 1, total + length(build(1000, [])))
end
IO.puts(AllocLoop.loop(10_000, 0))
