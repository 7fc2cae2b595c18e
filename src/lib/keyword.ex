# keyword.ex: a first part of Keyword (lists of {atom, value} pairs), in ember.
defmodule Keyword do
  def get(keywords, key, default \\ nil) do
    case fetch(keywords, key) do
      {:ok, value} -> value
      :error -> default
    end
  end

  def fetch([{key, value} | _], key), do: {:ok, value}
  def fetch([_ | rest], key), do: fetch(rest, key)
  def fetch([], _key), do: :error

  def has_key?(keywords, key), do: fetch(keywords, key) != :error

  def keys(keywords), do: for({k, _} <- keywords, do: k)

  def values(keywords), do: for({_, v} <- keywords, do: v)

  def delete(keywords, key), do: for({k, _} = pair <- keywords, k != key, do: pair)

  def put(keywords, key, value), do: [{key, value} | delete(keywords, key)]
end
