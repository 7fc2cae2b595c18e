# A process in an endless loop is preempted: the others, and the main process, keep running.
defmodule Busy do
  def spin(n), do: spin(n + 1)
end

spinners = for _ <- 1..3, do: spawn(fn -> Busy.spin(0) end)
parent = self()
pong = spawn(fn ->
  receive do
    {:ping, n} -> send(parent, {:pong, n})
  end
end)
send(pong, {:ping, 1})
receive do
  {:pong, n} -> IO.inspect(n)                        # expect: 1
end
Process.sleep(20)
Enum.each(spinners, fn s -> Process.exit(s, :kill) end)
IO.puts("done")                                      # expect: done
