defmodule Shape do
  def area({:square, s}), do: s * s
  def area({:rect, w, h}), do: w * h
  def area(_other), do: :unknown
end
IO.inspect(Shape.area({:square, 3}))    # expect: 9
IO.inspect(Shape.area({:rect, 2, 5}))   # expect: 10
IO.inspect(Shape.area(:circle))         # expect: :unknown
