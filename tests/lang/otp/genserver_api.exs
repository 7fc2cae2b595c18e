# GenServer: start/start_link with name:, call/2,3, cast/2, a deferred reply with reply/2,
# handle_info/2 for plain messages, timeouts and handle_continue/2, stop/1,3 with terminate/2.
defmodule Counter do
  use GenServer

  def init(n), do: {:ok, n, {:continue, :announce}}

  def handle_continue(:announce, n) do
    IO.puts("continue with #{n}")
    {:noreply, n}
  end

  def handle_call(:get, _from, n), do: {:reply, n, n}
  def handle_call({:add, k}, _from, n), do: {:reply, :added, n + k}

  def handle_call(:later, from, n) do
    send(self(), {:answer, from})
    {:noreply, n}
  end

  def handle_call(:idle, _from, n), do: {:reply, :ok, n, 30}

  def handle_cast(:inc, n), do: {:noreply, n + 1}

  def handle_info({:answer, from}, n) do
    GenServer.reply(from, {:late, n})
    {:noreply, n}
  end

  def handle_info(:timeout, n) do
    IO.puts("idle timeout at #{n}")
    {:noreply, n}
  end

  def handle_info(:bump, n), do: {:noreply, n + 10}

  def terminate(reason, n), do: IO.puts("terminate #{inspect(reason)} at #{n}")
end

{:ok, pid} = GenServer.start_link(Counter, 1, name: :counter)       # expect: continue with 1
IO.inspect(GenServer.call(:counter, :get))                          # expect: 1
IO.inspect(GenServer.cast(:counter, :inc))                          # expect: :ok
IO.inspect(GenServer.call(pid, {:add, 5}, 1000))                    # expect: :added
send(pid, :bump)
IO.inspect(GenServer.call(pid, :get))                               # expect: 17
IO.inspect(GenServer.call(pid, :later))                             # expect: {:late, 17}
IO.inspect(GenServer.call(pid, :idle))                              # expect: :ok
IO.inspect(GenServer.call(pid, :get, :infinity))                    # expect: 17
IO.inspect(GenServer.call(pid, :idle))                              # expect: :ok
Process.sleep(200)                                                   # expect: idle timeout at 17
IO.inspect(GenServer.stop(:counter))                                # expect: terminate :normal at 17
                                                                    # expect: :ok
{:ok, pid} = GenServer.start(Counter, 5)                            # expect: continue with 5
IO.inspect(GenServer.stop(pid, :shutdown, 1000))                    # expect: terminate :shutdown at 5
                                                                    # expect: :ok
IO.inspect(Process.alive?(pid))                                     # expect: false
