# Workshop example: a counter GenServer under a supervisor. Kill it and the supervisor starts a
# fresh one (the count starts again from 0); kill it too often and the supervisor gives up.
# Run it with `ember scripts/examples/supervised_counter.exs` or `elixir ...`: same output.
defmodule Counter do
  use GenServer

  # Client API: the counter is registered under its module name.
  def start_link(start), do: GenServer.start_link(__MODULE__, start, name: __MODULE__)
  def increment, do: GenServer.call(__MODULE__, :increment)
  def value, do: GenServer.call(__MODULE__, :value)

  # Server callbacks, run inside the counter process.
  def init(start) do
    IO.puts("counter starting at #{start}")
    {:ok, start}
  end

  def handle_call(:increment, _from, n), do: {:reply, n + 1, n + 1}
  def handle_call(:value, _from, n), do: {:reply, n, n}
end

defmodule Crash do
  # Kills the counter, waits until it is dead, then waits for the supervisor: it got the exit
  # signal before our :DOWN, so it answers our call only after the restart (whose "counter
  # starting" line is printed by then). Printing earlier would race with the new counter.
  def counter(sup) do
    pid = Process.whereis(Counter)
    ref = Process.monitor(pid)
    Process.exit(pid, :kill)
    reason = receive do {:DOWN, ^ref, :process, _pid, reason} -> reason end
    Supervisor.count_children(sup)
    IO.puts("counter died: #{inspect(reason)}")
  end
end

Process.flag(:trap_exit, true)
{:ok, sup} = Supervisor.start_link([{Counter, 0}], strategy: :one_for_one, max_restarts: 2)
# expect: counter starting at 0
for _ <- 1..3, do: Counter.increment()
IO.puts("value: #{Counter.value()}")                          # expect: value: 3

Crash.counter(sup)                                            # expect: counter starting at 0
                                                              # expect: counter died: :killed
IO.inspect(Supervisor.count_children(sup))                    # expect: %{active: 1, specs: 1, supervisors: 0, workers: 1}
IO.puts("value after restart: #{Counter.value()}")            # expect: value after restart: 0
IO.puts("value: #{Counter.increment()}")                      # expect: value: 1

Crash.counter(sup)                                            # expect: counter starting at 0
                                                              # expect: counter died: :killed
Process.exit(Process.whereis(Counter), :kill)
receive do {:EXIT, ^sup, reason} -> IO.puts("supervisor gave up: #{inspect(reason)}") end
# expect: supervisor gave up: :shutdown
