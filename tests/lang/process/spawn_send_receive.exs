# A spawned process answers its parent; receive picks the first matching clause.
parent = self()
spawn(fn -> send(parent, {:hello, :world}) end)
receive do
  {:hello, x} -> IO.inspect(x)                       # expect: :world
end
pid = spawn(fn ->
  receive do
    {:ping, from} -> send(from, :pong)
  end
end)
send(pid, {:ping, self()})
receive do
  :pong -> IO.puts("pong")                           # expect: pong
end
