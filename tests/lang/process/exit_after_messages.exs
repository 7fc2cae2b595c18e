# Signals between two processes keep their order: messages sent before an exit arrive before
# the {:EXIT, ...}, and the exit signal before the DOWN.
Process.flag(:trap_exit, true)
parent = self()
pid = spawn_link(fn ->
  receive do
    :go -> :ok
  end
  send(parent, :m1)
  send(parent, :m2)
  exit(:bye)
end)
ref = Process.monitor(pid)
send(pid, :go)
for _ <- 1..4 do
  receive do
    {:EXIT, _, reason} -> IO.inspect({:exit, reason})
    {:DOWN, r, :process, _, reason} when r == ref -> IO.inspect({:down, reason})
    m -> IO.inspect(m)
  end
end
# expect: :m1
# expect: :m2
# expect: {:exit, :bye}
# expect: {:down, :bye}
