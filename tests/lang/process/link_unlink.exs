# Process.link/1 and unlink/1: links are symmetric; after unlink an exit no longer propagates.
parent = self()
Process.flag(:trap_exit, true)
pid = spawn(fn ->
  receive do
    :report -> send(parent, {:links, Process.info(self(), :links)})
  end
  receive do
    :die -> exit(:boom)
  end
end)
IO.inspect(Process.link(pid))                        # expect: true
send(pid, :report)
receive do
  {:links, {:links, l}} -> IO.inspect(l == [parent]) # expect: true
end
IO.inspect(Process.unlink(pid))                      # expect: true
ref = Process.monitor(pid)
send(pid, :die)
receive do
  {:DOWN, r, :process, _, reason} when r == ref -> IO.inspect(reason)  # expect: :boom
end
receive do
  {:EXIT, _, _} -> IO.puts("wrong: the link was removed")
after
  50 -> IO.puts("no exit signal")                    # expect: no exit signal
end
IO.inspect(Process.link(self()))                     # expect: true
