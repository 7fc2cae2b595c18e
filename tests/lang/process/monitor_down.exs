# Process.monitor/1: {:DOWN, ref, :process, pid, reason} when the process ends, :noproc for a
# process that is already dead; a fired monitor is gone.
pid = spawn(fn ->
  receive do
    :stop -> exit(:finished)
  end
end)
ref = Process.monitor(pid)
IO.inspect(is_reference(ref))                        # expect: true
send(pid, :stop)
receive do
  {:DOWN, r, :process, p, reason} when r == ref ->
    IO.inspect({p == pid, reason})                   # expect: {true, :finished}
end
ref2 = Process.monitor(pid)
receive do
  {:DOWN, r, :process, p, reason} when r == ref2 ->
    IO.inspect({p == pid, reason})                   # expect: {true, :noproc}
end
IO.inspect(Process.info(self(), :message_queue_len)) # expect: {:message_queue_len, 0}
