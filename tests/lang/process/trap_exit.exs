# A process trapping exits gets {:EXIT, pid, reason} messages instead of dying.
IO.inspect(Process.flag(:trap_exit, true))           # expect: false
IO.inspect(Process.flag(:trap_exit, true))           # expect: true
a = spawn_link(fn -> exit(:boom) end)
receive do
  {:EXIT, ^a, reason} -> IO.inspect(reason)          # expect: :boom
end
b = spawn_link(fn -> :ok end)
receive do
  {:EXIT, ^b, reason} -> IO.inspect(reason)          # expect: :normal
end
c = spawn_link(fn -> raise ArgumentError, "bad" end)
receive do
  {:EXIT, ^c, {%ArgumentError{message: m}, _stack}} -> IO.inspect(m)  # expect: "bad"
end
d = spawn_link(fn -> exit(:kill) end)
receive do
  {:EXIT, ^d, reason} -> IO.inspect(reason)          # expect: :kill
end
IO.puts("still alive")                               # expect: still alive
