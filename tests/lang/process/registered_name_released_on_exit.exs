# A process's name is free again once it has exited (before its DOWN arrives).
pid = spawn(fn ->
  receive do
    :stop -> :ok
  end
end)
Process.register(pid, :worker)
IO.inspect(Process.info(pid, :registered_name))      # expect: {:registered_name, :worker}
ref = Process.monitor(pid)
send(:worker, :stop)
receive do
  {:DOWN, r, :process, _, :normal} when r == ref -> :ok
end
IO.inspect(Process.whereis(:worker))                 # expect: nil
IO.inspect(Process.register(self(), :worker))        # expect: true
