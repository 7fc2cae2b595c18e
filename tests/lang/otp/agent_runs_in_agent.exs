# Every function given to an agent runs inside the agent process, one request at a time.
parent = self()
{:ok, agent} = Agent.start_link(fn -> send(parent, {:init_in, self()}); 0 end)
receive do {:init_in, pid} -> IO.inspect(pid == agent) end            # expect: true
IO.inspect(Agent.get(agent, fn _ -> self() end) == agent)             # expect: true
IO.inspect(Agent.get(agent, fn _ -> self() end) == self())            # expect: false
Agent.cast(agent, fn n -> send(parent, {:cast_in, self()}); n end)
receive do {:cast_in, pid} -> IO.inspect(pid == agent) end            # expect: true

# 100 concurrent increments are applied one by one.
for _ <- 1..100, do: spawn(fn -> Agent.update(agent, fn n -> n + 1 end); send(parent, :done) end)
for _ <- 1..100 do
  receive do :done -> :ok end
end
IO.inspect(Agent.get(agent, fn n -> n end))                           # expect: 100
