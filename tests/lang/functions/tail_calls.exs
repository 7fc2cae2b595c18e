defmodule Loop do
  def count(0, acc), do: acc
  def count(n, acc), do: count(n - 1, acc + 1)
  def even?(0), do: true
  def even?(n), do: odd?(n - 1)
  def odd?(0), do: false
  def odd?(n), do: even?(n - 1)
end
IO.inspect(Loop.count(3_000_000, 0))    # expect: 3000000
IO.inspect(Loop.even?(1_000_001))       # expect: false
