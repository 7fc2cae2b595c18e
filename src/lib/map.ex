# map.ex: the higher-order functions of Map, in ember (the first-order ones are C builtins in
# map.c and are called here as local functions).
defmodule Map do
  def update(map, key, default, fun) do
    case fetch(map, key) do
      {:ok, value} -> put(map, key, fun.(value))
      :error -> put(map, key, default)
    end
  end

  def update!(map, key, fun), do: put(map, key, fun.(fetch!(map, key)))

  def new(enumerable), do: Enum.into(enumerable, %{})

  def new(enumerable, fun), do: Enum.into(Enum.map(enumerable, fun), %{})

  def get_lazy(map, key, fun) do
    case fetch(map, key) do
      {:ok, value} -> value
      :error -> fun.()
    end
  end

  def put_new(map, key, value) do
    if has_key?(map, key), do: map, else: put(map, key, value)
  end
end
