# keyword.ex: the Keyword functions that call a function (update, merge/3, get_and_update,
# the lazy forms, filter, reject, map, new/2) and validate/2; the rest is C (keyword.c).
defmodule Keyword do
  def new(enumerable, fun), do: new(Enum.map(enumerable, fun))

  def get_lazy(keywords, key, fun) when is_list(keywords) and is_atom(key) do
    case fetch(keywords, key) do
      {:ok, value} -> value
      :error -> fun.()
    end
  end

  def put_new_lazy(keywords, key, fun) when is_list(keywords) and is_atom(key) do
    if has_key?(keywords, key), do: keywords, else: [{key, fun.()} | keywords]
  end

  def pop_lazy(keywords, key, fun) when is_list(keywords) and is_atom(key) do
    case fetch(keywords, key) do
      {:ok, value} -> {value, delete(keywords, key)}
      :error -> {fun.(), keywords}
    end
  end

  def replace_lazy(keywords, key, fun) when is_list(keywords) and is_atom(key) do
    case fetch(keywords, key) do
      {:ok, value} -> replace(keywords, key, fun.(value))
      :error -> keywords
    end
  end

  # update/4 and update!/3: the first entry is updated and later entries of the key dropped;
  # a missing key is appended (update/4) or raises (update!/3).
  def update(keywords, key, default, fun) when is_list(keywords) and is_atom(key) do
    case fetch(keywords, key) do
      {:ok, value} -> replace(keywords, key, fun.(value))
      :error -> keywords ++ [{key, default}]
    end
  end

  def update!(keywords, key, fun) when is_list(keywords) and is_atom(key) do
    case fetch(keywords, key) do
      {:ok, value} -> replace(keywords, key, fun.(value))
      :error -> raise KeyError, key: key, term: keywords
    end
  end

  # merge/3: entries of keywords1 whose key is not in keywords2, then keywords2's entries in
  # order, each resolved with fun against the next unused entry of its key in keywords1.
  def merge(keywords1, keywords2, fun) when is_list(keywords1) and is_list(keywords2) and is_function(fun, 3) do
    kept = Enum.reject(keywords1, fn {key, _} -> has_key?(keywords2, key) end)
    {resolved, _} =
      Enum.map_reduce(keywords2, keywords1, fn {key, value2}, left ->
        case fetch(left, key) do
          {:ok, value1} -> {{key, fun.(key, value1, value2)}, delete_first(left, key)}
          :error -> {{key, value2}, left}
        end
      end)
    kept ++ resolved
  end

  def get_and_update(keywords, key, fun) when is_list(keywords) and is_atom(key) do
    case fetch(keywords, key) do
      {:ok, current} ->
        case fun.(current) do
          {get, new} -> {get, replace_first(keywords, key, new)}
          :pop -> {current, delete_first(keywords, key)}
          other -> raise "the given function must return a two-element tuple or :pop, got: #{inspect(other)}"
        end

      :error ->
        case fun.(nil) do
          {get, new} -> {get, [{key, new} | keywords]}
          :pop -> {nil, keywords}
          other -> raise "the given function must return a two-element tuple or :pop, got: #{inspect(other)}"
        end
    end
  end

  def get_and_update!(keywords, key, fun) when is_list(keywords) and is_atom(key) do
    case fetch(keywords, key) do
      {:ok, _} -> get_and_update(keywords, key, fun)
      :error -> raise KeyError, key: key, term: keywords
    end
  end

  defp replace_first([{key, _} | rest], key, value), do: [{key, value} | rest]
  defp replace_first([entry | rest], key, value), do: [entry | replace_first(rest, key, value)]

  def filter(keywords, fun) when is_list(keywords), do: Enum.filter(keywords, fun)

  def reject(keywords, fun) when is_list(keywords), do: Enum.reject(keywords, fun)

  def map(keywords, fun) when is_list(keywords), do: Enum.map(keywords, fn {k, _} = entry -> {k, fun.(entry)} end)

  def validate(keywords, values) when is_list(keywords) and is_list(values) do
    allowed = Enum.map(values, fn {key, _} -> key; key -> key end)
    unknown = Enum.reduce(keywords, [], fn {key, _}, acc -> if key in allowed, do: acc, else: [key | acc] end)
    if unknown == [] do
      {:ok, Enum.reduce(values, keywords, fn
        {key, default}, acc -> if has_key?(acc, key), do: acc, else: [{key, default} | acc]
        _key, acc -> acc
      end)}
    else
      {:error, unknown}
    end
  end

  def validate!(keywords, values) do
    case validate(keywords, values) do
      {:ok, result} -> result
      {:error, unknown} ->
        allowed = Enum.map(values, fn {key, _} -> key; key -> key end)
        raise ArgumentError, "unknown keys #{inspect(unknown)} in #{inspect(keywords)}, the allowed keys are: #{inspect(allowed)}"
    end
  end
end
