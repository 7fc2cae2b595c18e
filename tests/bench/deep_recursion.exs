# A 1,000,000-deep non-tail recursion over a list.
defmodule Deep do
  def sum([]), do: 0
  def sum([h | t]), do: h + sum(t)
end
IO.puts(Deep.sum(Enum.to_list(1..1_000_000)))
