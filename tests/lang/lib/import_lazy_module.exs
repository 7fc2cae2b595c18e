defmodule UsesEnum do
  import Enum
  def go, do: map([1, 2], &(&1 + 1)) |> sum()
end
IO.inspect(UsesEnum.go())                 # expect: 5
