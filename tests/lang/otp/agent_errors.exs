# Agent failures exit the caller with GenServer.call's reasons; a failing start function is
# start_link's {:error, reason} and, through the link, an exit signal.
{:ok, agent} = Agent.start(fn -> 0 end)
:ok = Agent.stop(agent)
try do
  Agent.get(agent, fn n -> n end)
catch
  :exit, {reason, {GenServer, :call, [^agent, {:get, _fun}, 5000]}} -> IO.inspect(reason)
end                                                                    # expect: :noproc

try do
  Agent.update(:nobody, fn n -> n end)
catch
  :exit, {reason, {GenServer, :call, [:nobody, {:update, _fun}, 5000]}} -> IO.inspect(reason)
end                                                                    # expect: :noproc

{:ok, slow} = Agent.start(fn -> 0 end)
try do
  Agent.get(slow, fn n -> receive do :never -> n end end, 50)
catch
  :exit, {reason, {GenServer, :call, [^slow, {:get, _fun}, 50]}} -> IO.inspect(reason)
end                                                                    # expect: :timeout

{:ok, dying} = Agent.start(fn -> 0 end)
try do
  Agent.get(dying, fn _ -> exit({:shutdown, :gone}) end)
catch
  :exit, {reason, {GenServer, :call, [^dying, {:get, _fun}, 5000]}} -> IO.inspect(reason)
end                                                                    # expect: {:shutdown, :gone}

Process.flag(:trap_exit, true)
IO.inspect(Agent.start_link(fn -> exit(:no_state) end))               # expect: {:error, :no_state}
receive do {:EXIT, _pid, reason} -> IO.inspect(reason) end            # expect: :no_state
