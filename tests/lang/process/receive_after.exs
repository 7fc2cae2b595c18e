# `after 0` returns at once when nothing matches; a matching message wins over `after`.
r = receive do
  :never -> :got
after
  0 -> :timeout
end
IO.inspect(r)                                        # expect: :timeout
send(self(), :now)
r = receive do
  :now -> :got
after
  0 -> :timeout
end
IO.inspect(r)                                        # expect: :got
parent = self()
spawn(fn -> send(parent, :late) end)
r = receive do
  :late -> :got_late
after
  :infinity -> :never
end
IO.inspect(r)                                        # expect: :got_late
