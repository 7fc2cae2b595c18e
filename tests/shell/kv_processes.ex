# A key-value store kept in a process's loop state, for seed_kv_processes.iex (loaded with -i).
defmodule KV.Processes do
  def start_link do
    {:ok, spawn_link(fn -> serve(%{}) end)}
  end

  defp serve(store) do
    receive do
      {:put, key, value} ->
        serve(Map.put(store, key, value))

      {:get, key, from} ->
        send(from, Map.get(store, key))
        serve(store)
    end
  end
end
