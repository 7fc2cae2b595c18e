# enum.ex: the higher-order functions of Enum, written in ember (compiled the first time one
# of them is called). The first-order ones (to_list, reverse, count/1, sort/1, max/1, join,
# take, slice, zip, chunk_every, ...) are C builtins (enum.c, enum_order.c, enum_build.c),
# called here as local functions.
# Loops are tail-recursive over lists with an accumulator reversed at the end. reduce and
# reduce_while walk ranges without building their list, so the functions that may stop
# early (find, any?, all?, take_while, ...) cost nothing past the element they stop at.
defmodule Enum do
  # ---- reduce and reduce_while: every other loop over a range goes through them ----

  def reduce(list, acc, fun) when is_list(list), do: reduce_list(list, acc, fun)
  def reduce(%{__struct__: Range, first: first, last: last, step: step}, acc, fun) do
    if step > 0, do: reduce_up(first, last, step, acc, fun), else: reduce_down(first, last, step, acc, fun)
  end
  def reduce(enumerable, acc, fun), do: reduce_list(to_list(enumerable), acc, fun)

  def reduce(enumerable, fun) do
    case to_list(enumerable) do
      [h | t] -> reduce_list(t, h, fun)
      [] -> raise Enum.EmptyError
    end
  end

  defp reduce_list([h | t], acc, fun), do: reduce_list(t, fun.(h, acc), fun)
  defp reduce_list([], acc, _fun), do: acc

  defp reduce_up(i, last, step, acc, fun) when i <= last, do: reduce_up(i + step, last, step, fun.(i, acc), fun)
  defp reduce_up(_, _, _, acc, _), do: acc

  defp reduce_down(i, last, step, acc, fun) when i >= last, do: reduce_down(i + step, last, step, fun.(i, acc), fun)
  defp reduce_down(_, _, _, acc, _), do: acc

  def reduce_while(list, acc, fun) when is_list(list), do: while_list(list, acc, fun)
  def reduce_while(%{__struct__: Range, first: first, last: last, step: step}, acc, fun) do
    if step > 0, do: while_up(first, last, step, acc, fun), else: while_down(first, last, step, acc, fun)
  end
  def reduce_while(enumerable, acc, fun), do: while_list(to_list(enumerable), acc, fun)

  defp while_list([h | t], acc, fun) do
    case fun.(h, acc) do
      {:cont, acc} -> while_list(t, acc, fun)
      {:halt, acc} -> acc
    end
  end
  defp while_list([], acc, _fun), do: acc

  defp while_up(i, last, step, acc, fun) when i <= last do
    case fun.(i, acc) do
      {:cont, acc} -> while_up(i + step, last, step, acc, fun)
      {:halt, acc} -> acc
    end
  end
  defp while_up(_, _, _, acc, _), do: acc

  defp while_down(i, last, step, acc, fun) when i >= last do
    case fun.(i, acc) do
      {:cont, acc} -> while_down(i + step, last, step, acc, fun)
      {:halt, acc} -> acc
    end
  end
  defp while_down(_, _, _, acc, _), do: acc

  # ---- mapping and filtering ----

  def map(list, fun) when is_list(list), do: map_list(list, fun, [])
  def map(%{__struct__: Range, first: first, last: last, step: step}, fun) do
    if step > 0, do: map_up(first, last, step, fun, []), else: map_down(first, last, step, fun, [])
  end
  def map(enumerable, fun), do: map_list(to_list(enumerable), fun, [])

  defp map_up(i, last, step, fun, acc) when i <= last, do: map_up(i + step, last, step, fun, [fun.(i) | acc])
  defp map_up(_, _, _, _, acc), do: reverse(acc)

  defp map_down(i, last, step, fun, acc) when i >= last, do: map_down(i + step, last, step, fun, [fun.(i) | acc])
  defp map_down(_, _, _, _, acc), do: reverse(acc)

  defp map_list([h | t], fun, acc), do: map_list(t, fun, [fun.(h) | acc])
  defp map_list([], _fun, acc), do: reverse(acc)

  def each(enumerable, fun) do
    reduce(enumerable, nil, fn x, _ -> fun.(x) end)
    :ok
  end

  def filter(enumerable, fun), do: filter_list(to_list(enumerable), fun, [])

  defp filter_list([h | t], fun, acc) do
    if fun.(h), do: filter_list(t, fun, [h | acc]), else: filter_list(t, fun, acc)
  end
  defp filter_list([], _fun, acc), do: reverse(acc)

  def reject(enumerable, fun), do: reject_list(to_list(enumerable), fun, [])

  defp reject_list([h | t], fun, acc) do
    if fun.(h), do: reject_list(t, fun, acc), else: reject_list(t, fun, [h | acc])
  end
  defp reject_list([], _fun, acc), do: reverse(acc)

  def split_with(enumerable, fun) do
    {yes, no} = reduce(enumerable, {[], []}, fn x, {yes, no} ->
      if fun.(x), do: {[x | yes], no}, else: {yes, [x | no]}
    end)
    {reverse(yes), reverse(no)}
  end

  def flat_map(enumerable, fun) do
    reduce(enumerable, [], fn x, acc -> reverse(fun.(x), acc) end) |> reverse()
  end

  def flat_map_reduce(enumerable, acc, fun) do
    {list, acc} = reduce_while(enumerable, {[], acc}, fn x, {list, acc} ->
      case fun.(x, acc) do
        {:halt, acc} -> {:halt, {list, acc}}
        {items, acc} -> {:cont, {reverse(items, list), acc}}
      end
    end)
    {reverse(list), acc}
  end

  def map_reduce(enumerable, acc, fun) do
    {list, acc} = reduce(enumerable, {[], acc}, fn x, {list, acc} ->
      {y, acc} = fun.(x, acc)
      {[y | list], acc}
    end)
    {reverse(list), acc}
  end

  def map_every(enumerable, nth, fun) when is_integer(nth) and nth >= 0 do
    if nth == 0 do
      to_list(enumerable)
    else
      {list, _} = reduce(enumerable, {[], 0}, fn x, {acc, i} ->
        {[(if rem(i, nth) == 0, do: fun.(x), else: x) | acc], i + 1}
      end)
      reverse(list)
    end
  end

  def map_intersperse(enumerable, separator, fun) do
    case map(enumerable, fun) do
      [] -> []
      list -> intersperse(list, separator)
    end
  end

  def map_join(enumerable, mapper), do: map_join(enumerable, "", mapper)

  def map_join(enumerable, joiner, mapper) when is_binary(joiner) do
    join(map(enumerable, mapper), joiner)
  end

  def with_index(enumerable), do: __with_index__(enumerable, 0)
  def with_index(enumerable, offset) when is_integer(offset), do: __with_index__(enumerable, offset)
  def with_index(enumerable, fun) when is_function(fun, 2) do
    {list, _} = reduce(enumerable, {[], 0}, fn x, {acc, i} -> {[fun.(x, i) | acc], i + 1} end)
    reverse(list)
  end

  def scan(enumerable, fun) do
    case to_list(enumerable) do
      [] -> []
      [h | t] -> scan_list(t, h, fun, [h])
    end
  end

  def scan(enumerable, acc, fun), do: scan_list(to_list(enumerable), acc, fun, [])

  defp scan_list([h | t], acc, fun, out) do
    acc = fun.(h, acc)
    scan_list(t, acc, fun, [acc | out])
  end
  defp scan_list([], _acc, _fun, out), do: reverse(out)

  # ---- searching ----

  def find(enumerable, fun), do: find(enumerable, nil, fun)

  def find(enumerable, default, fun) do
    reduce_while(enumerable, default, fn x, acc -> if fun.(x), do: {:halt, x}, else: {:cont, acc} end)
  end

  def find_value(enumerable, fun), do: find_value(enumerable, nil, fun)

  def find_value(enumerable, default, fun) do
    reduce_while(enumerable, default, fn x, acc ->
      v = fun.(x)
      if v, do: {:halt, v}, else: {:cont, acc}
    end)
  end

  def find_index(enumerable, fun) do
    result = reduce_while(enumerable, 0, fn x, i -> if fun.(x), do: {:halt, {:found, i}}, else: {:cont, i + 1} end)
    case result do
      {:found, i} -> i
      _ -> nil
    end
  end

  def any?(enumerable, fun) do
    reduce_while(enumerable, false, fn x, _ -> if fun.(x), do: {:halt, true}, else: {:cont, false} end)
  end

  def all?(enumerable, fun) do
    reduce_while(enumerable, true, fn x, _ -> if fun.(x), do: {:cont, true}, else: {:halt, false} end)
  end

  def count(enumerable, fun) do
    reduce(enumerable, 0, fn x, n -> if fun.(x), do: n + 1, else: n end)
  end

  def count_until(enumerable, limit) when is_integer(limit) and limit > 0 do
    reduce_while(enumerable, 0, fn _, n -> if n + 1 == limit, do: {:halt, limit}, else: {:cont, n + 1} end)
  end

  def count_until(enumerable, fun, limit) when is_integer(limit) and limit > 0 do
    reduce_while(enumerable, 0, fn x, n ->
      cond do
        !fun.(x) -> {:cont, n}
        n + 1 == limit -> {:halt, limit}
        true -> {:cont, n + 1}
      end
    end)
  end

  def take_while(enumerable, fun) do
    reduce_while(enumerable, [], fn x, acc -> if fun.(x), do: {:cont, [x | acc]}, else: {:halt, acc} end)
    |> reverse()
  end

  def drop_while(enumerable, fun), do: drop_list(to_list(enumerable), fun)

  defp drop_list([h | t] = list, fun), do: if(fun.(h), do: drop_list(t, fun), else: list)
  defp drop_list([], _fun), do: []

  def split_while(enumerable, fun) do
    list = to_list(enumerable)
    rest = drop_list(list, fun)
    {take(list, length(list) - length(rest)), rest}
  end

  # ---- ordering ----

  def sort(enumerable, :asc), do: sort(enumerable)
  def sort(enumerable, :desc), do: __sort_desc__(enumerable)
  def sort(enumerable, fun) when is_function(fun, 2), do: merge_sort(to_list(enumerable), fun)

  def sort_by(enumerable, mapper), do: sort_by(enumerable, mapper, :asc)

  def sort_by(enumerable, mapper, sorter) when sorter == :asc or sorter == :desc do
    enumerable |> map(fn x -> {mapper.(x), x} end) |> __sort_keyed__(sorter) |> map(fn {_, x} -> x end)
  end

  def sort_by(enumerable, mapper, sorter) when is_function(sorter, 2) do
    enumerable
    |> map(fn x -> {mapper.(x), x} end)
    |> merge_sort(fn {a, _}, {b, _} -> sorter.(a, b) end)
    |> map(fn {_, x} -> x end)
  end

  # Stable merge sort: an element of the left half goes first when fun.(left, right) is
  # truthy, as Erlang's lists:sort/2 (so `<=` keeps equal elements in order).
  defp merge_sort([], _fun), do: []
  defp merge_sort([x], _fun), do: [x]
  defp merge_sort(list, fun) do
    {left, right} = split(list, div(length(list), 2))
    merge(merge_sort(left, fun), merge_sort(right, fun), fun, [])
  end

  defp merge([a | as] = left, [b | bs] = right, fun, acc) do
    if fun.(a, b), do: merge(as, right, fun, [a | acc]), else: merge(left, bs, fun, [b | acc])
  end
  defp merge([], right, _fun, acc), do: reverse(acc, right)
  defp merge(left, [], _fun, acc), do: reverse(acc, left)

  def max(enumerable, fun) when is_function(fun, 0), do: max(enumerable, fn a, b -> a >= b end, fun)
  def max(enumerable, sorter), do: max(enumerable, sorter, fn -> raise Enum.EmptyError end)

  def max(enumerable, sorter, empty_fallback), do: extreme(enumerable, sort_fun(sorter), empty_fallback)

  def min(enumerable, fun) when is_function(fun, 0), do: min(enumerable, fn a, b -> a <= b end, fun)
  def min(enumerable, sorter), do: min(enumerable, sorter, fn -> raise Enum.EmptyError end)

  def min(enumerable, sorter, empty_fallback), do: extreme(enumerable, sort_fun(sorter), empty_fallback)

  defp sort_fun(:asc), do: fn a, b -> a <= b end
  defp sort_fun(:desc), do: fn a, b -> a >= b end
  defp sort_fun(fun) when is_function(fun, 2), do: fun

  # The element kept against every later one while sorter.(kept, other) holds.
  defp extreme(enumerable, sorter, empty_fallback) do
    case to_list(enumerable) do
      [] -> empty_fallback.()
      [h | t] -> reduce_list(t, h, fn x, acc -> if sorter.(acc, x), do: acc, else: x end)
    end
  end

  def max_by(enumerable, fun), do: max_by(enumerable, fun, fn a, b -> a >= b end)
  def max_by(enumerable, fun, empty) when is_function(empty, 0), do: max_by(enumerable, fun, fn a, b -> a >= b end, empty)
  def max_by(enumerable, fun, sorter), do: max_by(enumerable, fun, sorter, fn -> raise Enum.EmptyError end)
  def max_by(enumerable, fun, sorter, empty), do: extreme_by(enumerable, fun, sort_fun(sorter), empty)

  def min_by(enumerable, fun), do: min_by(enumerable, fun, fn a, b -> a <= b end)
  def min_by(enumerable, fun, empty) when is_function(empty, 0), do: min_by(enumerable, fun, fn a, b -> a <= b end, empty)
  def min_by(enumerable, fun, sorter), do: min_by(enumerable, fun, sorter, fn -> raise Enum.EmptyError end)
  def min_by(enumerable, fun, sorter, empty), do: extreme_by(enumerable, fun, sort_fun(sorter), empty)

  defp extreme_by(enumerable, fun, sorter, empty_fallback) do
    case to_list(enumerable) do
      [] ->
        empty_fallback.()

      [h | t] ->
        {x, _} = reduce_list(t, {h, fun.(h)}, fn x, {_, kept} = acc ->
          key = fun.(x)
          if sorter.(kept, key), do: acc, else: {x, key}
        end)
        x
    end
  end

  def min_max_by(enumerable, fun), do: min_max_by(enumerable, fun, fn -> raise Enum.EmptyError end)

  def min_max_by(enumerable, fun, empty_fallback) when is_function(empty_fallback, 0) do
    case to_list(enumerable) do
      [] -> empty_fallback.()
      list -> {min_by(list, fun), max_by(list, fun)}
    end
  end

  def min_max(enumerable, empty_fallback) when is_function(empty_fallback, 0) do
    case to_list(enumerable) do
      [] -> empty_fallback.()
      list -> min_max(list)
    end
  end

  # ---- grouping ----

  def group_by(enumerable, key_fun), do: group_by(enumerable, key_fun, fn x -> x end)

  def group_by(enumerable, key_fun, value_fun) do
    enumerable
    |> reverse()
    |> reduce_list(%{}, fn x, acc ->
      key = key_fun.(x)
      value = value_fun.(x)
      case acc do
        %{^key => list} -> Map.put(acc, key, [value | list])
        _ -> Map.put(acc, key, [value])
      end
    end)
  end

  def frequencies_by(enumerable, key_fun) do
    reduce(enumerable, %{}, fn x, acc ->
      key = key_fun.(x)
      case acc do
        %{^key => n} -> Map.put(acc, key, n + 1)
        _ -> Map.put(acc, key, 1)
      end
    end)
  end

  def uniq_by(enumerable, fun) do
    {list, _} = reduce(enumerable, {[], %{}}, fn x, {list, seen} = acc ->
      key = fun.(x)
      case seen do
        %{^key => _} -> acc
        _ -> {[x | list], Map.put(seen, key, true)}
      end
    end)
    reverse(list)
  end

  def dedup_by(enumerable, fun) do
    {list, _} = reduce(enumerable, {[], :__none__}, fn x, {list, prev} = acc ->
      key = fun.(x)
      if list != [] and key === prev, do: acc, else: {[x | list], key}
    end)
    reverse(list)
  end

  def chunk_by(enumerable, fun) do
    case to_list(enumerable) do
      [] -> []
      [h | t] -> chunk_by_list(t, fun, fun.(h), [h], [])
    end
  end

  defp chunk_by_list([h | t], fun, key, chunk, acc) do
    k = fun.(h)
    if k === key do
      chunk_by_list(t, fun, key, [h | chunk], acc)
    else
      chunk_by_list(t, fun, k, [h], [reverse(chunk) | acc])
    end
  end
  defp chunk_by_list([], _fun, _key, chunk, acc), do: reverse([reverse(chunk) | acc])

  def chunk_while(enumerable, acc, chunk_fun, after_fun) do
    {chunks, acc} = reduce_while(enumerable, {[], acc}, fn x, {chunks, acc} ->
      case chunk_fun.(x, acc) do
        {:cont, chunk, acc} -> {:cont, {[chunk | chunks], acc}}
        {:cont, acc} -> {:cont, {chunks, acc}}
        {:halt, acc} -> {:halt, {chunks, acc}}
      end
    end)
    case after_fun.(acc) do
      {:cont, chunk, _acc} -> reverse([chunk | chunks])
      {:cont, _acc} -> reverse(chunks)
    end
  end

  # ---- zipping ----

  def zip_with(left, right, fun) do
    zip_with_lists(to_list(left), to_list(right), fun, [])
  end

  defp zip_with_lists([a | as], [b | bs], fun, acc), do: zip_with_lists(as, bs, fun, [fun.(a, b) | acc])
  defp zip_with_lists(_, _, _fun, acc), do: reverse(acc)

  def zip_with(enumerables, fun) do
    map(zip(enumerables), fn t -> fun.(Tuple.to_list(t)) end)
  end

  def zip_reduce(left, right, acc, reducer) do
    reduce_list(zip(left, right), acc, fn {a, b}, acc -> reducer.(a, b, acc) end)
  end

  def zip_reduce(enumerables, acc, reducer) do
    reduce_list(zip(enumerables), acc, fn t, acc -> reducer.(Tuple.to_list(t), acc) end)
  end

  # ---- collecting ----

  def into(enumerable, collectable), do: for(x <- enumerable, into: collectable, do: x)

  def into(enumerable, collectable, transform), do: for(x <- enumerable, into: collectable, do: transform.(x))

  # ---- moving elements ----

  def slide(enumerable, index, insertion_index) when is_integer(index) do
    slide(enumerable, Range.new(index, index, 1), insertion_index)
  end

  def slide(enumerable, %{__struct__: Range, first: first, last: last, step: step} = range, insertion_index)
      when is_integer(insertion_index) do
    if step != 1 do
      raise ArgumentError, "Enum.slide/3 does not accept ranges with custom steps, got: #{inspect(range)}"
    end
    list = to_list(enumerable)
    n = length(list)
    first = if first < 0, do: first + n, else: first
    last = if last < 0, do: last + n, else: last
    at = if insertion_index < 0, do: insertion_index + n, else: insertion_index
    cond do
      first > last or first >= n or at == first ->
        list

      at > first and at <= last ->
        raise ArgumentError,
              "insertion index for slide must be outside the range being moved " <>
                "(tried to insert #{inspect(range)} at #{insertion_index})"

      true ->
        last = Kernel.min(last, n - 1)
        at = Kernel.min(at, n - 1)
        moved = slice(list, first, last - first + 1)
        if at < first do
          take(list, at) ++ moved ++ slice(list, at, first - at) ++ drop(list, last + 1)
        else
          take(list, first) ++ slice(list, last + 1, at - last) ++ moved ++ drop(list, at + 1)
        end
    end
  end

  def reverse_slice(enumerable, start_index, count)
      when is_integer(start_index) and start_index >= 0 and is_integer(count) and count >= 0 do
    list = to_list(enumerable)
    take(list, start_index) ++ reverse(slice(list, start_index, count)) ++ drop(list, start_index + count)
  end
end

