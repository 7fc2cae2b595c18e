# The seeds' key-value store as an Agent: the seed session, then a bucket module with `use Agent`.
{:ok, pid} = Agent.start_link(fn -> %{} end)
IO.inspect(Agent.update(pid, fn map -> Map.put(map, :hello, :world) end))   # expect: :ok
IO.inspect(Agent.get(pid, fn map -> Map.get(map, :hello) end))             # expect: :world

defmodule KV.Bucket do
  use Agent

  def start_link(_opts), do: Agent.start_link(fn -> %{} end)
  def get(bucket, key), do: Agent.get(bucket, &Map.get(&1, key))
  def put(bucket, key, value), do: Agent.update(bucket, &Map.put(&1, key, value))
  def delete(bucket, key), do: Agent.get_and_update(bucket, &Map.pop(&1, key))
end

{:ok, bucket} = KV.Bucket.start_link([])
IO.inspect(KV.Bucket.get(bucket, "milk"))        # expect: nil
IO.inspect(KV.Bucket.put(bucket, "milk", 3))     # expect: :ok
IO.inspect(KV.Bucket.get(bucket, "milk"))        # expect: 3
IO.inspect(KV.Bucket.delete(bucket, "milk"))     # expect: 3
IO.inspect(KV.Bucket.get(bucket, "milk"))        # expect: nil
IO.inspect(KV.Bucket.child_spec(:x))             # expect: %{id: KV.Bucket, start: {KV.Bucket, :start_link, [:x]}}
IO.inspect(Agent.stop(bucket))                   # expect: :ok
IO.inspect(Process.alive?(bucket))               # expect: false
