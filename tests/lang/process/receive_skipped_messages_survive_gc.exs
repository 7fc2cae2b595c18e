# Messages stay outside the receiver's heap until a receive looks at one; then it is copied in,
# and a message a receive skipped lives in the heap until a later receive takes it. Here a
# queue of lists, {:EXIT, ...} and {:DOWN, ...} messages is received out of order while the
# receiver allocates enough to collect many times: every message must arrive intact.
defmodule Churn do
  # builds and drops lists so the receiver's heap collects between receives
  def garbage(0, acc), do: length(acc)
  def garbage(n, acc), do: garbage(n - 1, [n | acc])

  def take_odd(i, n, sum) when i > n, do: sum
  def take_odd(i, n, sum) do
    receive do
      {:m, ^i, list} ->
        garbage(200, [])
        take_odd(i + 2, n, sum + Enum.sum(list))
    end
  end

  def take_even(i, n, sum) when i > n, do: sum
  def take_even(i, n, sum) do
    receive do
      {:m, ^i, list} ->
        garbage(50, [])
        take_even(i + 2, n, sum + Enum.sum(list))
    end
  end
end

Process.flag(:trap_exit, true)
me = self()
n = 60
linked = for i <- 1..5, do: spawn_link(fn -> exit({:reason, i, Enum.to_list(1..i)}) end)
watched = for i <- 1..5 do
  {pid, ref} = spawn_monitor(fn -> exit({:down, i, List.duplicate(:x, i)}) end)
  {pid, ref, i}
end
for i <- 1..n, do: send(me, {:m, i, Enum.to_list(1..i)})

# wait until every exit signal has come in, so they sit between and after the messages
for p <- linked do
  receive do
    {:EXIT, ^p, {:reason, i, list}} -> send(me, {:exit_seen, i, list})
  end
end

IO.inspect(Churn.take_odd(1, n, 0))                       # expect: 18445
IO.inspect(Churn.take_even(2, n, 0))                      # expect: 19375
for i <- 1..5 do
  receive do
    {:exit_seen, ^i, list} -> IO.inspect(list)
  end
end
# expect: [1]
# expect: [1, 2]
# expect: [1, 2, 3]
# expect: [1, 2, 3, 4]
# expect: [1, 2, 3, 4, 5]
downs =
  for {pid, ref, i} <- Enum.reverse(watched) do
    receive do
      {:DOWN, ^ref, :process, ^pid, {:down, ^i, xs}} -> length(xs)
    end
  end
IO.inspect(downs)                                          # expect: [5, 4, 3, 2, 1]
receive do
  other -> IO.inspect({:unexpected, other})
after
  0 -> IO.puts("queue empty")                              # expect: queue empty
end
