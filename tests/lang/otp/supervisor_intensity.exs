# More than max_restarts restarts within max_seconds: the supervisor stops the remaining children
# and exits with :shutdown, which its linked parent sees.
defmodule Worker do
  use GenServer

  def start_link(id), do: GenServer.start_link(__MODULE__, id, name: id)

  def init(id) do
    Process.flag(:trap_exit, true)
    IO.puts("start #{id}")
    send(:test, {:started, id})
    {:ok, id}
  end

  def terminate(reason, id), do: IO.puts("stop #{id} #{inspect(reason)}")
end

defmodule Wait do
  def started(ids), do: Enum.each(ids, fn id -> receive do {:started, ^id} -> :ok end end)
end

Process.register(self(), :test)
Process.flag(:trap_exit, true)
children = for id <- [:a, :b, :c], do: Supervisor.child_spec({Worker, id}, id: id)
{:ok, sup} = Supervisor.start_link(children, strategy: :one_for_one, max_restarts: 2, max_seconds: 60)
Wait.started([:a, :b, :c])
# expect: start a
# expect: start b
# expect: start c
Process.exit(Process.whereis(:a), :kill)
Wait.started([:a])                                     # expect: start a
Process.exit(Process.whereis(:c), :kill)
Wait.started([:c])                                     # expect: start c
Process.exit(Process.whereis(:a), :kill)
receive do {:EXIT, ^sup, reason} -> IO.inspect(reason) end
# expect: stop c :shutdown
# expect: stop b :shutdown
# expect: :shutdown
IO.inspect(Process.alive?(sup))                        # expect: false

# max_restarts: 0 gives up at the first death.
{:ok, sup} = Supervisor.start_link([{Worker, :solo}], strategy: :one_for_all, max_restarts: 0)
Wait.started([:solo])                                  # expect: start solo
Process.exit(Process.whereis(:solo), :kill)
receive do {:EXIT, ^sup, reason} -> IO.inspect(reason) end   # expect: :shutdown
