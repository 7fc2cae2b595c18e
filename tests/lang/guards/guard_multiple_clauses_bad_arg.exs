defmodule GB do
  def f(x) when length(x) > 1, do: :long
  def f(x) when map_size(x) > 0, do: :map
  def f(_), do: :neither
end
IO.inspect(GB.f([1, 2]))   # expect: :long
IO.inspect(GB.f(%{a: 1}))  # expect: :map
IO.inspect(GB.f(42))       # expect: :neither
