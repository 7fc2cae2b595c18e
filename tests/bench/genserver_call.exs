# Benchmark: GenServer.call round trips. One client calls a counter server N times in a row, so
# the time is N request/reply pairs (monitor, send, receive, demonitor each). Prints the count.
defmodule Counter do
  use GenServer

  def init(n), do: {:ok, n}
  def handle_call(:inc, _from, n), do: {:reply, n + 1, n + 1}
end

defmodule CallLoop do
  def run(_server, 0, last), do: last
  def run(server, n, _last), do: run(server, n - 1, GenServer.call(server, :inc))
end

{:ok, server} = GenServer.start_link(Counter, 0)
IO.puts(CallLoop.run(server, 300_000, 0))     # expect: 300000
