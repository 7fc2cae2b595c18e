defmodule KeyValStore do
  # spawn a process with initial value of %{}
  def start_link, do: Task.start_link(fn -> receive_recurse(%{}))

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
# expect syntax error: 3:65: error: expected operator, ',', '->', 'end', 'do' or newline at ')'
