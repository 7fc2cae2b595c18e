# Process.info/2 for a parked process: queue length, links, monitors, status, name.
parent = self()
pid = spawn(fn ->
  receive do
    :go -> :ok
  end
  receive do
    :stop -> :ok
  end
end)
send(pid, :one)
send(pid, :two)
send(pid, :go)
wait = fn ->
  receive do
    :never -> :ok
  after
    50 -> :ok
  end
end
wait.()
IO.inspect(Process.info(pid, :message_queue_len))    # expect: {:message_queue_len, 2}
IO.inspect(Process.info(pid, :status))               # expect: {:status, :waiting}
IO.inspect(Process.info(pid, :registered_name))      # expect: {:registered_name, []}
ref = Process.monitor(pid)
{:monitored_by, by} = Process.info(pid, :monitored_by)
IO.inspect(by == [parent])                           # expect: true
{:monitors, mons} = Process.info(self(), :monitors)
IO.inspect(mons == [{:process, pid}])                # expect: true
{:memory, mem} = Process.info(pid, :memory)
IO.inspect(is_integer(mem) and mem > 0)              # expect: true
{:reductions, reds} = Process.info(pid, :reductions)
IO.inspect(is_integer(reds))                         # expect: true
Process.demonitor(ref)
send(pid, :stop)
ref = Process.monitor(pid)
receive do
  {:DOWN, r, :process, _, _} when r == ref -> :ok
end
IO.inspect(Process.info(pid, :status))               # expect: nil
IO.inspect(Process.info(pid))                        # expect: nil
IO.inspect(Process.info(self(), :status))            # expect: {:status, :running}
