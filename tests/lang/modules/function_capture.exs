defmodule Cap do
  def double(x), do: x * 2
  def run, do: apply_twice(&double/1, 3)
  defp apply_twice(f, x), do: f.(f.(x))
end
IO.inspect(Cap.run())                 # expect: 12
f = &Cap.double/1
IO.inspect(f.(21))                    # expect: 42
IO.inspect(&Cap.double/1)             # expect: &Cap.double/1
g = &(&1 + &2)
IO.inspect(g.(1, 2))                  # expect: 3
h = &{&1, :x}
IO.inspect(h.(0))                     # expect: {0, :x}
l = &length/1
IO.inspect(l.([1, 2]))                # expect: 2
