# :permanent children always come back, :temporary never (their spec is dropped), :transient only
# after an abnormal exit (not :normal, :shutdown or {:shutdown, _}).
defmodule Worker do
  use GenServer

  def start_link(id), do: GenServer.start_link(__MODULE__, id, name: id)

  def init(id) do
    send(:test, {:started, id})
    {:ok, id}
  end

  def handle_call({:stop, reason}, _from, id), do: {:stop, reason, :ok, id}
end

defmodule Wait do
  def started(ids), do: Enum.each(ids, fn id -> receive do {:started, ^id} -> :ok end end)

  # Stops the worker and waits for it to be gone: its exit signal reached the supervisor first.
  def stopped(id, reason) do
    ref = Process.monitor(Process.whereis(id))
    :ok = GenServer.call(id, {:stop, reason})
    receive do {:DOWN, ^ref, _, _, ^reason} -> :ok end
  end
end

Process.register(self(), :test)

children = [
  Supervisor.child_spec({Worker, :perm}, id: :perm, restart: :permanent),
  Supervisor.child_spec({Worker, :temp}, id: :temp, restart: :temporary),
  Supervisor.child_spec({Worker, :tran}, id: :tran, restart: :transient),
  Supervisor.child_spec({Worker, :tran2}, id: :tran2, restart: :transient)
]

{:ok, sup} = Supervisor.start_link(children, strategy: :one_for_one)
Wait.started([:perm, :temp, :tran, :tran2])
Wait.stopped(:perm, :normal)
Wait.started([:perm])
IO.puts("permanent restarted after :normal")          # expect: permanent restarted after :normal
Wait.stopped(:temp, {:shutdown, :bye})
Wait.stopped(:tran, {:shutdown, :bye})
Process.exit(Process.whereis(:tran2), :kill)
Wait.started([:tran2])
IO.puts("transient restarted after :killed")          # expect: transient restarted after :killed

for {id, pid, _, _} <- Supervisor.which_children(sup), do: IO.inspect({id, is_pid(pid)})
# expect: {:tran2, true}
# expect: {:tran, false}
# expect: {:perm, true}
IO.inspect(Supervisor.count_children(sup))            # expect: %{active: 2, specs: 3, supervisors: 0, workers: 3}
IO.inspect(Supervisor.stop(sup))                      # expect: :ok
