# run: parse
defmodule KV.Bucket do
  @moduledoc """
  A bucket.
  """
  use Agent
  alias KV.Registry, as: R
  import Enum, only: [map: 2]
  @timeout 5_000
  defstruct name: nil, count: 0

  def start_link(opts \\ []), do: Agent.start_link(fn -> %{} end, opts)

  def get(bucket, key) do
    Agent.get(bucket, &Map.get(&1, key))
  end

  def put(b, k, v) when is_atom(k), do: Agent.update(b, &Map.put(&1, k, v))

  defp helper(x)
       when x > 0 do
    x + @timeout
  end

  def zero, do: 0
  def head(x \\ 1)

  def safe(x) do
    risky(x)
  rescue
    e in ArgumentError -> {:error, e}
  end
end
