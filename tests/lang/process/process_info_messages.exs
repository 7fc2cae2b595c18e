# Process.info(pid, :messages) lists the queued messages, oldest first, whether a receive has
# looked at them yet or not, for the caller itself and for another process; and
# Process.info(self(), :message_queue_len) counts messages sent to itself just before.
send(self(), :a)
send(self(), {:b, [1, 2], "three"})
IO.inspect(Process.info(self(), :message_queue_len))   # expect: {:message_queue_len, 2}
IO.inspect(Process.info(self(), :messages))            # expect: {:messages, [:a, {:b, [1, 2], "three"}]}
receive do
  {:b, list, _} -> IO.inspect(list)                    # expect: [1, 2]
end
IO.inspect(Process.info(self(), [:messages, :message_queue_len]))  # expect: [messages: [:a], message_queue_len: 1]
receive do
  :a -> :ok
end
IO.inspect(Process.info(self(), :messages))            # expect: {:messages, []}

# A busy process that traps exits, with an {:EXIT, ...} and a {:DOWN, ...} among its messages:
# first asked while no receive has looked at them, then after a receive has.
defmodule Busy do
  def queued(pid, n) do
    case Process.info(pid, :message_queue_len) do
      {:message_queue_len, ^n} -> :ok
      _ -> queued(pid, n)
    end
  end

  def spin do
    case Process.info(self(), :message_queue_len) do
      {:message_queue_len, n} when n >= 4 -> :ok
      _ -> spin()
    end
  end
end

parent = self()
pid = spawn(fn ->
  Process.flag(:trap_exit, true)
  spawn_link(fn -> exit({:bye, [1.5]}) end)
  {_, ref} = spawn_monitor(fn -> exit(:gone) end)
  send(parent, {:ref, ref})
  Busy.spin()
  receive do
    :go -> send(parent, :looked)
  end
  receive do
    :stop -> :ok
  end
end)
ref = receive do
  {:ref, r} -> r
end
send(pid, {:data, %{k: "v"}})
Busy.queued(pid, 3)
{:messages, msgs} = Process.info(pid, :messages)
IO.inspect(length(msgs))                               # expect: 3
IO.inspect(Enum.member?(msgs, {:data, %{k: "v"}}))     # expect: true
IO.inspect(Enum.count(msgs, &match?({:EXIT, _, {:bye, [1.5]}}, &1)))  # expect: 1
IO.inspect(Enum.count(msgs, &match?({:DOWN, ^ref, :process, _, :gone}, &1)))  # expect: 1
send(pid, :go)
receive do
  :looked -> :ok
end
{:messages, again} = Process.info(pid, :messages)
IO.inspect(again == msgs)                              # expect: true
send(pid, :stop)
