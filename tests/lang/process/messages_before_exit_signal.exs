# A process's messages and the signals it sends after them arrive in that order, even when it
# sends them all at once: 50 messages, then Process.exit/2, reach a process trapping exits as
# the 50 messages and then {:EXIT, sender, :stop}.
defmodule Inbox do
  def collect(acc) do
    receive do
      {:msg, i} -> collect([i | acc])
      {:EXIT, _from, reason} -> {Enum.reverse(acc), reason}
    end
  end
end

Process.flag(:trap_exit, true)
me = self()
sender = spawn(fn ->
  receive do
    :go -> :ok
  end
  Enum.each(1..50, fn i -> send(me, {:msg, i}) end)
  Process.exit(me, :stop)
end)
send(sender, :go)
{got, reason} = Inbox.collect([])
IO.inspect(got == Enum.to_list(1..50))  # expect: true
IO.inspect(length(got))                 # expect: 50
IO.inspect(reason)                      # expect: :stop
