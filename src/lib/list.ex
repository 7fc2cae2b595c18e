# list.ex: the List functions that call a function (foldl, foldr, update_at, keysort/2,3);
# the rest of List is C (list.c, list_key.c).
defmodule List do
  def foldl(list, acc, fun) when is_list(list) and is_function(fun, 2), do: foldl_list(list, acc, fun)

  defp foldl_list([h | t], acc, fun), do: foldl_list(t, fun.(h, acc), fun)
  defp foldl_list([], acc, _fun), do: acc

  def foldr(list, acc, fun) when is_list(list) and is_function(fun, 2), do: foldl_list(Enum.reverse(list), acc, fun)

  def update_at(list, index, fun) when is_list(list) and is_function(fun, 1) and is_integer(index) do
    size = length(list)
    i = if index < 0, do: index + size, else: index
    if i < 0 or i >= size do
      list
    else
      {value, _} = pop_at(list, i)
      replace_at(list, i, fun.(value))
    end
  end

  def keysort(list, position) when is_integer(position), do: keysort(list, position, :asc)

  def keysort([], position, _sorter) when is_integer(position), do: []
  def keysort([_] = list, position, _sorter) when is_integer(position), do: list

  def keysort(list, position, sorter) when is_list(list) and is_integer(position) do
    Enum.sort_by(list, fn t -> elem(t, position) end, sorter)
  end
end
