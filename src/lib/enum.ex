# enum.ex: the higher-order functions of Enum, written in ember (compiled the first time one
# of them is called). First-order ones (to_list, reverse, count, member?, sum, sort, join) are
# C builtins in enum.c and are called here as local functions.
defmodule Enum do
  def map(enumerable, fun), do: map_list(to_list(enumerable), fun, [])

  defp map_list([], _fun, acc), do: reverse(acc)
  defp map_list([h | t], fun, acc), do: map_list(t, fun, [fun.(h) | acc])

  def each(enumerable, fun) do
    each_list(to_list(enumerable), fun)
  end

  defp each_list([], _fun), do: :ok
  defp each_list([h | t], fun) do
    fun.(h)
    each_list(t, fun)
  end

  def reduce(enumerable, acc, fun), do: reduce_list(to_list(enumerable), acc, fun)

  def reduce(enumerable, fun) do
    case to_list(enumerable) do
      [h | t] -> reduce_list(t, h, fun)
      [] -> raise Enum.EmptyError
    end
  end

  defp reduce_list([], acc, _fun), do: acc
  defp reduce_list([h | t], acc, fun), do: reduce_list(t, fun.(h, acc), fun)

  def filter(enumerable, fun), do: filter_list(to_list(enumerable), fun, [])

  defp filter_list([], _fun, acc), do: reverse(acc)
  defp filter_list([h | t], fun, acc) do
    if fun.(h), do: filter_list(t, fun, [h | acc]), else: filter_list(t, fun, acc)
  end

  def reject(enumerable, fun), do: filter(enumerable, fn x -> !fun.(x) end)

  def find(enumerable, default \\ nil, fun), do: find_list(to_list(enumerable), default, fun)

  defp find_list([], default, _fun), do: default
  defp find_list([h | t], default, fun) do
    if fun.(h), do: h, else: find_list(t, default, fun)
  end

  def any?(enumerable, fun), do: find_list(to_list(enumerable), false, fn x -> !!fun.(x) end) != false

  def all?(enumerable, fun), do: find_list(to_list(enumerable), true, fn x -> !fun.(x) end) == true

  def with_index(enumerable, offset \\ 0) do
    {list, _} = reduce(enumerable, {[], offset}, fn x, {acc, i} -> {[{x, i} | acc], i + 1} end)
    reverse(list)
  end

  def map_reduce(enumerable, acc, fun) do
    {list, acc} = reduce(enumerable, {[], acc}, fn x, {l, a} ->
      {y, a} = fun.(x, a)
      {[y | l], a}
    end)
    {reverse(list), acc}
  end

  def count(enumerable, fun), do: reduce(enumerable, 0, fn x, n -> if fun.(x), do: n + 1, else: n end)

  def zip(left, right), do: zip_list(to_list(left), to_list(right), [])

  defp zip_list([a | as], [b | bs], acc), do: zip_list(as, bs, [{a, b} | acc])
  defp zip_list(_, _, acc), do: reverse(acc)

  def into(enumerable, collectable), do: for(x <- enumerable, into: collectable, do: x)

  def sort_by(enumerable, fun) do
    enumerable |> map(fn x -> {fun.(x), x} end) |> sort() |> map(fn {_, x} -> x end)
  end
end
