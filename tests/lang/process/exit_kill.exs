# Process.exit(pid, :kill) cannot be trapped, and the killed process's links and monitors see
# :killed. (Monitor refs are matched with `when r == ref`, not `^ref`: elixir 1.14 on OTP 25
# fails to compile a top-level receive that pins a monitor ref.)
parent = self()
victim = spawn(fn ->
  Process.flag(:trap_exit, true)
  send(parent, :trapping)
  receive do
    :never -> :ok
  end
end)
receive do
  :trapping -> :ok
end
ref = Process.monitor(victim)
Process.flag(:trap_exit, true)
Process.link(victim)
IO.inspect(Process.exit(victim, :kill))              # expect: true
receive do
  {:EXIT, ^victim, reason} -> IO.inspect(reason)     # expect: :killed
end
receive do
  {:DOWN, r, :process, _, reason} when r == ref -> IO.inspect(reason)  # expect: :killed
end
