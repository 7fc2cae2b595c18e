# Benchmark: Agent.update throughput. Four clients update one agent N times each, concurrently;
# the agent applies the functions one by one. Prints the final state.
defmodule UpdateLoop do
  def run(_agent, 0), do: :ok

  def run(agent, n) do
    Agent.update(agent, fn count -> count + 1 end)
    run(agent, n - 1)
  end
end

{:ok, agent} = Agent.start_link(fn -> 0 end)
parent = self()
for _ <- 1..4, do: spawn_link(fn -> send(parent, UpdateLoop.run(agent, 75_000)) end)
for _ <- 1..4 do
  receive do :ok -> :ok end
end
IO.puts(Agent.get(agent, fn count -> count end))   # expect: 300000
