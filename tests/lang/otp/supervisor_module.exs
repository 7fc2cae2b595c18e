# A supervisor module: `use Supervisor` gives child_spec/1 (type :supervisor), init/1 returns
# Supervisor.init/2; supervisors nest, and stopping the top stops the tree bottom-up.
defmodule Worker do
  use GenServer

  def start_link(id), do: GenServer.start_link(__MODULE__, id, name: id)

  def init(id) do
    Process.flag(:trap_exit, true)
    IO.puts("start #{id}")
    {:ok, id}
  end

  def terminate(reason, id), do: IO.puts("stop #{id} #{inspect(reason)}")
end

defmodule Inner do
  use Supervisor

  def start_link(ids), do: Supervisor.start_link(__MODULE__, ids, name: :inner)

  def init(ids) do
    children = for id <- ids, do: Supervisor.child_spec({Worker, id}, id: id)
    Supervisor.init(children, strategy: :one_for_one, max_restarts: 5)
  end
end

IO.inspect(Inner.child_spec([:x]))   # expect: %{id: Inner, start: {Inner, :start_link, [[:x]]}, type: :supervisor}
IO.inspect(Supervisor.init([], strategy: :one_for_all))   # expect: {:ok, {%{intensity: 3, period: 5, strategy: :one_for_all}, []}}

{:ok, top} = Supervisor.start_link([{Worker, :w1}, {Inner, [:x, :y]}, Supervisor.child_spec({Worker, :w2}, id: :w2)], strategy: :one_for_one)
# expect: start w1
# expect: start x
# expect: start y
# expect: start w2
for {id, pid, type, mods} <- Supervisor.which_children(top), do: IO.inspect({id, is_pid(pid), type, mods})
# expect: {:w2, true, :worker, [Worker]}
# expect: {Inner, true, :supervisor, [Inner]}
# expect: {Worker, true, :worker, [Worker]}
IO.inspect(Supervisor.count_children(top))   # expect: %{active: 3, specs: 3, supervisors: 1, workers: 2}
IO.inspect(Supervisor.count_children(:inner))   # expect: %{active: 2, specs: 2, supervisors: 0, workers: 2}
IO.inspect(Supervisor.stop(top))
# expect: stop w2 :shutdown
# expect: stop y :shutdown
# expect: stop x :shutdown
# expect: stop w1 :shutdown
# expect: :ok

defmodule Nothing do
  use Supervisor
  def init(:ignore), do: :ignore
end

IO.inspect(Supervisor.start_link(Nothing, :ignore))   # expect: :ignore
