# GenServer.call exits the caller with Elixir's reasons: a dead pid or a free name is :noproc,
# no reply in time is :timeout, a server that dies during the call gives its exit reason.
defmodule Echo do
  use GenServer

  def init(s), do: {:ok, s}

  def handle_call(:ping, _from, s), do: {:reply, :pong, s}
  def handle_call(:silent, _from, s), do: {:noreply, s}
  def handle_call(:quit, _from, s), do: {:stop, {:shutdown, :quit}, s}
  def handle_call(:quit_replying, _from, s), do: {:stop, :normal, :bye, s}
  def handle_call(:kill_me, _from, s), do: Process.exit(self(), :kill)
  def handle_call(:exit, _from, _s), do: exit({:shutdown, :from_callback})
end

catch_exit = fn f ->
  try do
    f.()
  catch
    :exit, reason -> reason
  end
end

IO.inspect(catch_exit.(fn -> GenServer.call(:nobody, :ping) end))     # expect: {:noproc, {GenServer, :call, [:nobody, :ping, 5000]}}

{:ok, pid} = GenServer.start(Echo, nil)
IO.inspect(GenServer.call(pid, :ping))                                  # expect: :pong
{reason, {GenServer, :call, [^pid, :silent, 50]}} = catch_exit.(fn -> GenServer.call(pid, :silent, 50) end)
IO.inspect(reason)                                                      # expect: :timeout
{reason, {GenServer, :call, [^pid, :quit, 5000]}} = catch_exit.(fn -> GenServer.call(pid, :quit) end)
IO.inspect(reason)                                                      # expect: {:shutdown, :quit}
{reason, {GenServer, :call, [^pid, :ping, 5000]}} = catch_exit.(fn -> GenServer.call(pid, :ping) end)
IO.inspect(reason)                                                      # expect: :noproc

{:ok, pid} = GenServer.start(Echo, nil, name: :echo)
IO.inspect(GenServer.call(:echo, :quit_replying))                       # expect: :bye
IO.inspect(catch_exit.(fn -> GenServer.call(:echo, :ping, 100) end))    # expect: {:noproc, {GenServer, :call, [:echo, :ping, 100]}}

{:ok, pid} = GenServer.start(Echo, nil)
{reason, {GenServer, :call, [^pid, :kill_me, 5000]}} = catch_exit.(fn -> GenServer.call(pid, :kill_me) end)
IO.inspect(reason)                                                      # expect: :killed
{:ok, pid} = GenServer.start(Echo, nil)
{reason, {GenServer, :call, [^pid, :exit, 5000]}} = catch_exit.(fn -> GenServer.call(pid, :exit) end)
IO.inspect(reason)                                                      # expect: {:shutdown, :from_callback}

IO.inspect(GenServer.cast(:nobody, :hello))                             # expect: :ok
IO.inspect(GenServer.cast(pid, :hello))                                 # expect: :ok
IO.inspect(catch_exit.(fn -> GenServer.stop(:nobody) end))              # expect: {:noproc, {GenServer, :stop, [:nobody, :normal, :infinity]}}
{reason, {GenServer, :stop, [^pid, :normal, :infinity]}} = catch_exit.(fn -> GenServer.stop(pid) end)
IO.inspect(reason)                                                      # expect: :noproc
{:calling_self, {GenServer, :call, [_, :ping, 5000]}} = catch_exit.(fn -> GenServer.call(self(), :ping) end)
IO.puts("calling self")                                                 # expect: calling self
