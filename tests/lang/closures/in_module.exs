defmodule Adder do
  def make(n), do: fn x -> x + n end
  def compose(f, g), do: fn x -> g.(f.(x)) end
  def twice(f), do: compose(f, f)
end
inc = Adder.make(1)
IO.inspect(inc.(1))                           # expect: 2
IO.inspect(Adder.twice(Adder.make(5)).(0))    # expect: 10
IO.inspect(is_function(inc, 1))               # expect: true
IO.inspect(is_function(inc, 2))               # expect: false
