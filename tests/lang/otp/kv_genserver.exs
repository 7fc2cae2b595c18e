# The seeds' key-value store as a GenServer: calls and casts through a client API, the seed's raw
# {:get, key, caller} messages through handle_info/2, by pid and by name.
defmodule KV.Server do
  use GenServer

  def start_link(opts), do: GenServer.start_link(__MODULE__, %{}, opts)
  def get(server, key), do: GenServer.call(server, {:get, key})
  def put(server, key, value), do: GenServer.cast(server, {:put, key, value})

  def init(map), do: {:ok, map}

  def handle_call({:get, key}, _from, map), do: {:reply, Map.get(map, key), map}

  def handle_cast({:put, key, value}, map), do: {:noreply, Map.put(map, key, value)}

  def handle_info({:get, key, caller}, map) do
    send(caller, Map.get(map, key))
    {:noreply, map}
  end
end

{:ok, pid} = KV.Server.start_link(name: :kv)
IO.inspect(KV.Server.get(:kv, :hello))            # expect: nil
IO.inspect(KV.Server.put(:kv, :hello, :world))    # expect: :ok
IO.inspect(KV.Server.get(pid, :hello))            # expect: :world
send(:kv, {:get, :hello, self()})
receive do value -> IO.inspect(value) end         # expect: :world
IO.inspect(GenServer.whereis(:kv) == pid)         # expect: true
IO.inspect(GenServer.stop(:kv))                   # expect: :ok
IO.inspect(Process.whereis(:kv))                  # expect: nil
