# send/2 returns the message; sending to a dead process is silently dropped.
IO.inspect(send(self(), {:a, 1}))                    # expect: {:a, 1}
receive do
  {:a, n} -> IO.inspect(n)                           # expect: 1
end
pid = spawn(fn -> :ok end)
ref = Process.monitor(pid)
receive do
  {:DOWN, r, :process, _, :normal} when r == ref -> IO.puts("down")   # expect: down
end
IO.inspect(send(pid, :lost))                         # expect: :lost
IO.inspect(Process.alive?(pid))                      # expect: false
