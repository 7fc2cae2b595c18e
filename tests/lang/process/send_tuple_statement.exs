# `send(dest, {...})` whose value is not used writes the tuple straight into the message,
# never building it in the sender's heap: each destination form, each kind of element, the
# order elements are evaluated in, and the errors must be those of send/2.
defmodule S do
  def say(label, x) do
    IO.puts("evaluated #{label}")
    x
  end

  def wait_down(pid) do
    ref = Process.monitor(pid)
    receive do
      {:DOWN, ^ref, :process, ^pid, _} -> :ok
    end
  end
end

me = self()
send(me, {:imm, -5, :a, me})
receive do
  {:imm, n, a, pid} -> IO.inspect({n, a, pid == me})               # expect: {-5, :a, true}
end
send(me, {:imm, 1, :a, 2.5})
send(me, {:boxed, "str", [1, [2, 3]], %{k: {1, 2}}, {:nested, ["deep"]}})
x = [10, 20]
send(S.say("dest", me), {S.say("first", :first), S.say("second", x), S.say("third", "last")})
# expect: evaluated dest
# expect: evaluated first
# expect: evaluated second
# expect: evaluated third
IO.inspect(for _ <- 1..3, do: receive(do: (m -> tuple_size(m))))   # expect: [4, 5, 3]
Process.register(me, :self_name)
send(:self_name, {:by_name, x})
send({:self_name, node()}, {:by_name_node, x})
IO.inspect(receive(do: ({:by_name, l} -> l)))                      # expect: [10, 20]
IO.inspect(receive(do: ({:by_name_node, l} -> l)))                 # expect: [10, 20]
other = spawn(fn -> receive(do: ({:from, p, l} -> send(p, {:back, Enum.sum(l)}))) end)
send(other, {:from, me, [1, 2, 3]})
IO.inspect(receive(do: ({:back, n} -> n)))                         # expect: 6
S.wait_down(other)
send(other, {:to_the_dead, x})
IO.puts("sent to a dead process")                                  # expect: sent to a dead process
big = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17}
send(me, {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17})
IO.inspect(receive(do: (m -> m == big)))                           # expect: true
try do
  send(:nobody_here, {:x, x})
rescue
  e in ArgumentError -> IO.puts(Exception.message(e))
end
# expect: errors were found at the given arguments:
# expect: 
# expect:   * 1st argument: invalid destination
# expect: 
send(:nobody_at_all, {:y, x})
# expect error: ** (ArgumentError) errors were found at the given arguments:
