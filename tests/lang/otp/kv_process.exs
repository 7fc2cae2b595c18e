# The seeds' key-value store as a plain process: a receive loop started by Task.start_link,
# asked by pid and by registered name.
defmodule KV.Processes do
  def start_link, do: Task.start_link(fn -> loop(%{}) end)

  defp loop(map) do
    receive do
      {:get, key, caller} ->
        send(caller, Map.get(map, key))
        loop(map)

      {:put, key, value} ->
        loop(Map.put(map, key, value))
    end
  end
end

{:ok, pid} = KV.Processes.start_link()
send(pid, {:get, :hello, self()})
receive do value -> IO.inspect(value) end        # expect: nil
send(pid, {:put, :hello, :world})
send(pid, {:get, :hello, self()})
receive do value -> IO.inspect(value) end        # expect: :world
IO.inspect(Process.register(pid, :processes))    # expect: true
send(:processes, {:get, :hello, self()})
receive do value -> IO.inspect(value) end        # expect: :world
IO.inspect(Process.alive?(pid))                  # expect: true
