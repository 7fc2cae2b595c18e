# :one_for_one restarts only the child that died; its siblings keep their pids.
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
children = for id <- [:a, :b, :c], do: Supervisor.child_spec({Worker, id}, id: id)
{:ok, sup} = Supervisor.start_link(children, strategy: :one_for_one)
Wait.started([:a, :b, :c])
# expect: start a
# expect: start b
# expect: start c
a = Process.whereis(:a)
c = Process.whereis(:c)
Process.exit(Process.whereis(:b), :kill)
Wait.started([:b])                                     # expect: start b
IO.inspect({Process.whereis(:a) == a, Process.whereis(:c) == c})   # expect: {true, true}
IO.inspect(Supervisor.count_children(sup))             # expect: %{active: 3, specs: 3, supervisors: 0, workers: 3}
IO.inspect(Supervisor.stop(sup))
# expect: stop c :shutdown
# expect: stop b :shutdown
# expect: stop a :shutdown
# expect: :ok
