# self/0 is a pid, alive while running; a finished process is not alive.
IO.inspect(is_pid(self()))                           # expect: true
IO.inspect(Process.alive?(self()))                   # expect: true
parent = self()
pid = spawn(fn -> send(parent, {:me, self()}) end)
receive do
  {:me, p} -> IO.inspect(p == pid)                   # expect: true
end
ref = Process.monitor(pid)
receive do
  {:DOWN, r, :process, _, _} when r == ref -> :ok
end
IO.inspect(Process.alive?(pid))                      # expect: false
IO.inspect(pid == self())                            # expect: false
