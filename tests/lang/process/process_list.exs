# Process.list/0 holds every live process, this one included.
IO.inspect(self() in Process.list())                 # expect: true
pid = spawn(fn ->
  receive do
    :stop -> :ok
  end
end)
IO.inspect(pid in Process.list())                    # expect: true
ref = Process.monitor(pid)
send(pid, :stop)
receive do
  {:DOWN, r, :process, _, _} when r == ref -> :ok
end
IO.inspect(pid in Process.list())                    # expect: false
