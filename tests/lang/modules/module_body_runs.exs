IO.puts("first")                      # expect: first
defmodule Loud do
  IO.puts("defining Loud")            # expect: defining Loud
  def x, do: 1
end
IO.puts("after")                      # expect: after
IO.inspect(Loud.x())                  # expect: 1
