# Agent: start/start_link with name:, get/update/get_and_update/cast (fun and module forms),
# stop/1,3, and a taken name.
{:ok, agent} = Agent.start_link(fn -> [1] end, name: :list)
IO.inspect(Process.whereis(:list) == agent)                           # expect: true
IO.inspect(Agent.get(:list, fn list -> list end))                     # expect: [1]
IO.inspect(Agent.update(:list, fn list -> [2 | list] end))            # expect: :ok
IO.inspect(Agent.get_and_update(agent, fn [h | t] -> {h, t} end))     # expect: 2
IO.inspect(Agent.cast(agent, fn list -> [3 | list] end))              # expect: :ok
IO.inspect(Agent.get(agent, fn list -> list end, 1000))               # expect: [3, 1]
IO.inspect(Agent.get(agent, Enum, :sum, []))                          # expect: 4
IO.inspect(Agent.update(agent, List, :delete, [3]))                   # expect: :ok
IO.inspect(Agent.get_and_update(agent, List, :pop_at, [0]))           # expect: 1
IO.inspect(Agent.cast(agent, List, :insert_at, [0, :x]))              # expect: :ok
IO.inspect(Agent.get(agent, fn list -> list end))                     # expect: [:x]

{:error, {:already_started, pid}} = Agent.start_link(fn -> 0 end, name: :list)
IO.inspect(pid == agent)                                              # expect: true
{:error, {:already_started, ^agent}} = Agent.start(fn -> 0 end, name: :list)
IO.inspect(Agent.stop(:list))                                         # expect: :ok
IO.inspect(Process.whereis(:list))                                    # expect: nil

{:ok, other} = Agent.start(fn -> :state end)
IO.inspect(Agent.get(other, fn s -> s end))                           # expect: :state
IO.inspect(Agent.stop(other, :shutdown, 1000))                        # expect: :ok
IO.inspect(Process.alive?(other))                                     # expect: false
{:ok, third} = Agent.start(Map, :new, [[a: 1]])
IO.inspect(Agent.get(third, fn s -> s end))                           # expect: %{a: 1}
IO.inspect(Agent.cast(:nobody, fn s -> s end))                        # expect: :ok
