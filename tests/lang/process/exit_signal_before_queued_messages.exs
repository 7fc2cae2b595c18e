# An exit signal that arrives behind messages ends the process before it acts on them: a
# process handles the signals queued for it, in order, when it gets to run or receive, so
# the :kill behind :hello is seen before any receive can take :hello (messages alone are
# taken one at a time as a receive needs them; a queued signal that is not a message makes
# the process look at everything first).
pid = spawn(fn ->
  # busy long enough for the three signals below to be queued before it receives
  Enum.reduce(1..200_000, 0, fn i, acc -> rem(acc + i, 7) end)
  receive do
    m -> IO.inspect({:handled, m})
  end
end)
ref = Process.monitor(pid)
send(pid, :hello)
Process.exit(pid, :kill)
receive do
  {:DOWN, ^ref, :process, _, reason} -> IO.inspect(reason)
end
# expect: :killed

# Messages alone are all received, in order, however they are taken from the queue.
me = self()
receiver = spawn(fn ->
  got = Enum.map(1..1000, fn _ -> receive do {:n, i} -> i end end)
  send(me, {:got, got == Enum.to_list(1..1000)})
end)
Enum.each(1..1000, fn i -> send(receiver, {:n, i}) end)
receive do
  {:got, ok} -> IO.inspect(ok)
end
# expect: true
