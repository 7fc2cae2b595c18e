{:module, name, _, _} = defmodule V do
  def a, do: 1
end
IO.inspect(name)   # expect: V
