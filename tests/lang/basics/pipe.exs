defmodule P do
  def double(x), do: x * 2
  def add(x, y), do: x + y
end
5 |> P.double() |> P.add(1) |> IO.inspect()   # expect: 11
[1, 2, 3] |> length() |> IO.inspect()         # expect: 3
