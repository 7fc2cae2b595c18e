# :rest_for_one restarts the child that died and the children started after it.
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
children = for id <- [:a, :b, :c, :d], do: Supervisor.child_spec({Worker, id}, id: id)
{:ok, sup} = Supervisor.start_link(children, strategy: :rest_for_one)
Wait.started([:a, :b, :c, :d])
# expect: start a
# expect: start b
# expect: start c
# expect: start d
a = Process.whereis(:a)
Process.exit(Process.whereis(:b), :kill)
Wait.started([:b, :c, :d])
# expect: stop d :shutdown
# expect: stop c :shutdown
# expect: start b
# expect: start c
# expect: start d
IO.inspect(Process.whereis(:a) == a)                   # expect: true
Process.exit(Process.whereis(:d), :kill)
Wait.started([:d])                                     # expect: start d
IO.inspect(Supervisor.stop(sup))
# expect: stop d :shutdown
# expect: stop c :shutdown
# expect: stop b :shutdown
# expect: stop a :shutdown
# expect: :ok
