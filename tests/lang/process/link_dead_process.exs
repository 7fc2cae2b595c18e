# Linking to a dead process raises ErlangError :noproc, or, when trapping exits, returns true
# and delivers {:EXIT, pid, :noproc}.
dead = spawn(fn -> :ok end)
ref = Process.monitor(dead)
receive do
  {:DOWN, r, _, _, _} when r == ref -> :ok
end
r = try do
  Process.link(dead)
rescue
  e in ErlangError -> {:raised, e.original}
end
IO.inspect(r)                                        # expect: {:raised, :noproc}
Process.flag(:trap_exit, true)
IO.inspect(Process.link(dead))                       # expect: true
receive do
  {:EXIT, p, reason} -> IO.inspect({p == dead, reason})  # expect: {true, :noproc}
end
