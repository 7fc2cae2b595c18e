# Timer test: restarts older than max_seconds no longer count towards max_restarts.
defmodule Worker do
  use GenServer

  def start_link(id), do: GenServer.start_link(__MODULE__, id, name: id)

  def init(id) do
    send(:test, {:started, id})
    {:ok, id}
  end
end

defmodule Crash do
  def and_wait do
    Process.exit(Process.whereis(:w), :kill)
    receive do {:started, :w} -> :restarted end
  end
end

Process.register(self(), :test)
Process.flag(:trap_exit, true)
{:ok, sup} = Supervisor.start_link([{Worker, :w}], strategy: :one_for_one, max_restarts: 1, max_seconds: 1)
receive do {:started, :w} -> :ok end
IO.inspect(Crash.and_wait())                     # expect: :restarted
Process.sleep(2100)
IO.inspect(Crash.and_wait())                     # expect: :restarted
Process.exit(Process.whereis(:w), :kill)
receive do {:EXIT, ^sup, reason} -> IO.inspect(reason) end   # expect: :shutdown
