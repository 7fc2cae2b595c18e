# which_children/count_children shapes, terminate_child/restart_child/delete_child/start_child
# and their errors.
defmodule Worker do
  use GenServer

  def start_link(id), do: GenServer.start_link(__MODULE__, id, name: id)
  def init(id), do: {:ok, id}
end

defmodule Show do
  # Pids differ between runs: show whether each slot holds a pid.
  def children(sup) do
    for {id, pid, type, modules} <- Supervisor.which_children(sup) do
      {id, if(is_pid(pid), do: :pid, else: pid), type, modules}
    end
  end
end

children = [
  Supervisor.child_spec({Worker, :a}, id: :a),
  Supervisor.child_spec({Worker, :b}, id: :b),
  {Agent, fn -> 0 end}
]

{:ok, sup} = Supervisor.start_link(children, strategy: :one_for_one, name: :sup)
for child <- Show.children(sup), do: IO.inspect(child)
# expect: {Agent, :pid, :worker, [Agent]}
# expect: {:b, :pid, :worker, [Worker]}
# expect: {:a, :pid, :worker, [Worker]}
IO.inspect(Supervisor.count_children(:sup))                # expect: %{active: 3, specs: 3, supervisors: 0, workers: 3}

b = Process.whereis(:b)
IO.inspect(Supervisor.terminate_child(sup, :b))            # expect: :ok
IO.inspect(Process.alive?(b))                              # expect: false
IO.inspect(Show.children(sup) |> Enum.at(1))               # expect: {:b, :undefined, :worker, [Worker]}
IO.inspect(Supervisor.count_children(sup))                 # expect: %{active: 2, specs: 3, supervisors: 0, workers: 3}
IO.inspect(Supervisor.terminate_child(sup, :nope))         # expect: {:error, :not_found}

{:ok, b2} = Supervisor.restart_child(sup, :b)
IO.inspect(Process.whereis(:b) == b2)                      # expect: true
IO.inspect(Supervisor.restart_child(sup, :b))              # expect: {:error, :running}
IO.inspect(Supervisor.restart_child(sup, :nope))           # expect: {:error, :not_found}
IO.inspect(Supervisor.delete_child(sup, :b))               # expect: {:error, :running}
IO.inspect(Supervisor.terminate_child(sup, :b))            # expect: :ok
IO.inspect(Supervisor.delete_child(sup, :b))               # expect: :ok
IO.inspect(Supervisor.delete_child(sup, :b))               # expect: {:error, :not_found}

{:ok, c} = Supervisor.start_child(sup, Supervisor.child_spec({Worker, :c}, id: :c))
IO.inspect(Process.whereis(:c) == c)                       # expect: true
{:error, {:already_started, ^c}} = Supervisor.start_child(sup, %{id: :c, start: {Worker, :start_link, [:c]}})
IO.inspect(Show.children(sup) |> hd())                     # expect: {:c, :pid, :worker, [Worker]}
:ok = Supervisor.terminate_child(sup, :c)
IO.inspect(Supervisor.start_child(sup, %{id: :c, start: {Worker, :start_link, [:c]}}))   # expect: {:error, :already_present}
IO.inspect(Supervisor.stop(:sup))                          # expect: :ok
