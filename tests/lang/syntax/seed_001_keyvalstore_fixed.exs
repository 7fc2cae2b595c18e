# run: parse
# Seed 001's KeyValStore with the missing `end` added.
defmodule KeyValStore do
  # spawn a process with initial value of %{}
  def start_link, do: Task.start_link(fn -> receive_recurse(%{}) end)

  defp receive_recurse(store) do
    receive do
      {:get, key, caller} ->
        send caller, Map.get(store, key)
        receive_recurse(store)
      {:put, key, value} ->
        receive_recurse(Map.put(store, key, value))
    end
  end
end
