defmodule Loop do
  def count(0, acc), do: acc
  def count(n, acc), do: count(n - 1, acc + n)
end

IO.puts(Loop.count(10_000_000, 0))
