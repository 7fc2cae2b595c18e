# map.ex: the higher-order functions of Map, in ember (the first-order ones are C builtins in
# map.c and are called here as local functions).
defmodule Map do
  def update(map, key, default, fun) do
    case fetch(map, key) do
      {:ok, value} -> put(map, key, fun.(value))
      :error -> put(map, key, default)
    end
  end

  def update!(map, key, fun) do
    case fetch(map, key) do
      {:ok, value} -> put(map, key, fun.(value))
      :error -> raise KeyError, key: key, term: map
    end
  end

  def new(enumerable, fun), do: new(Enum.map(enumerable, fun))

  def get_lazy(map, key, fun) do
    case fetch(map, key) do
      {:ok, value} -> value
      :error -> fun.()
    end
  end

  def put_new(map, key, value) do
    if has_key?(map, key), do: map, else: put(map, key, value)
  end

  def put_new_lazy(map, key, fun) do
    if has_key?(map, key), do: map, else: put(map, key, fun.())
  end

  def replace_lazy(map, key, fun) do
    case fetch(map, key) do
      {:ok, value} -> put(map, key, fun.(value))
      :error -> map
    end
  end

  def pop_lazy(map, key, fun) do
    case fetch(map, key) do
      {:ok, value} -> {value, delete(map, key)}
      :error -> {fun.(), map}
    end
  end

  def merge(map1, map2, fun) do
    Enum.reduce(map2, map1, fn {key, value2}, acc ->
      case fetch(acc, key) do
        {:ok, value1} -> put(acc, key, fun.(key, value1, value2))
        :error -> put(acc, key, value2)
      end
    end)
  end

  def get_and_update(map, key, fun) do
    current = get(map, key)
    case fun.(current) do
      {get, update} -> {get, put(map, key, update)}
      :pop -> {current, delete(map, key)}
      other -> raise "the given function must return a two-element tuple or :pop, got: #{inspect(other)}"
    end
  end

  def get_and_update!(map, key, fun) do
    value = fetch!(map, key)
    case fun.(value) do
      {get, update} -> {get, put(map, key, update)}
      :pop -> {value, delete(map, key)}
      other -> raise "the given function must return a two-element tuple or :pop, got: #{inspect(other)}"
    end
  end

  def filter(map, fun) when is_map(map), do: new(Enum.filter(to_list(map), fun))

  def reject(map, fun) when is_map(map), do: new(Enum.reject(to_list(map), fun))

  def map(map, fun) when is_map(map), do: new(Enum.map(to_list(map), fn {k, _} = pair -> {k, fun.(pair)} end))
end
