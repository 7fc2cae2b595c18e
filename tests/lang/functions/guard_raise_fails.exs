defmodule R do
  def f(x) when hd(x) == 1, do: :head_one
  def f(x) when elem(x, 0) == :a, do: :tuple_a
  def f(x) when x + 1 > 2, do: :big
  def f(_), do: :fallback
end
IO.inspect(R.f([1, 2]))   # expect: :head_one
IO.inspect(R.f({:a}))     # expect: :tuple_a
IO.inspect(R.f(5))        # expect: :big
IO.inspect(R.f(:atom))    # expect: :fallback
IO.inspect(R.f([]))       # expect: :fallback
