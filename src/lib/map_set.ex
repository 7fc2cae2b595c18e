# map_set.ex: the MapSet struct (Elixir 1.14's fields) and the MapSet functions that call a
# function; the rest is C (map_set.c).
defmodule MapSet do
  defstruct map: %{}, version: 2

  def new(enumerable, fun), do: new(Enum.map(enumerable, fun))

  def filter(%MapSet{} = set, fun), do: new(Enum.filter(set, fun))

  def reject(%MapSet{} = set, fun), do: new(Enum.reject(set, fun))
end
