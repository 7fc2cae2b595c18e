# Process.demonitor/1,2: no DOWN arrives after demonitor; [:flush] removes one already
# received.
pid = spawn(fn -> :ok end)
ref = Process.monitor(pid)
wait = fn ->
  receive do
    :never -> :ok
  after
    50 -> :ok
  end
end
wait.()
IO.inspect(Process.demonitor(ref, [:flush]))         # expect: true
IO.inspect(Process.info(self(), :message_queue_len)) # expect: {:message_queue_len, 0}
pid2 = spawn(fn ->
  receive do
    :stop -> :ok
  end
end)
ref2 = Process.monitor(pid2)
IO.inspect(Process.demonitor(ref2))                  # expect: true
send(pid2, :stop)
wait.()
IO.inspect(Process.info(self(), :message_queue_len)) # expect: {:message_queue_len, 0}
pid3 = spawn(fn -> :ok end)
ref3 = Process.monitor(pid3)
wait.()
IO.inspect(Process.demonitor(ref3))                  # expect: true
receive do
  {:DOWN, r, :process, _, _} when r == ref3 -> IO.puts("DOWN stays without :flush") # expect: DOWN stays without :flush
end
