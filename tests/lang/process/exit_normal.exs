# Process.exit(pid, :normal) is ignored by a process not trapping exits, arrives as a message
# at one that traps them, and ends the caller when aimed at itself.
parent = self()
plain = spawn(fn ->
  receive do
    :stop -> send(parent, :plain_survived)
  end
end)
Process.exit(plain, :normal)
send(plain, :stop)
receive do
  :plain_survived -> IO.puts("ignored")              # expect: ignored
end
trapper = spawn(fn ->
  Process.flag(:trap_exit, true)
  send(parent, :ready)
  receive do
    {:EXIT, from, :normal} -> send(parent, {:trapped, from == parent})
  end
end)
receive do
  :ready -> Process.exit(trapper, :normal)
end
receive do
  {:trapped, from_parent} -> IO.inspect(from_parent) # expect: true
end
{_, ref} = spawn_monitor(fn ->
  Process.exit(self(), :normal)
  send(parent, :survived)
end)
receive do
  {:DOWN, r, :process, _, reason} when r == ref -> IO.inspect(reason)  # expect: :normal
end
receive do
  :survived -> IO.puts("wrong")
after
  0 -> IO.puts("exited itself")                      # expect: exited itself
end
