# A child that fails to start stops the ones already started and fails the supervisor's start;
# bad specs and flags give Elixir's error tuples.
defmodule Worker do
  use GenServer

  def start_link(id), do: GenServer.start_link(__MODULE__, id, name: id)
  def init(:bad), do: {:stop, :nope}

  def init(id) do
    Process.flag(:trap_exit, true)
    IO.puts("start #{id}")
    {:ok, id}
  end

  def terminate(reason, id), do: IO.puts("stop #{id} #{inspect(reason)}")
end

Process.flag(:trap_exit, true)
children = for id <- [:a, :b, :bad, :c], do: Supervisor.child_spec({Worker, id}, id: id)
IO.inspect(Supervisor.start_link(children, strategy: :one_for_one))
# expect: start a
# expect: start b
# expect: stop b :shutdown
# expect: stop a :shutdown
# expect: {:error, {:shutdown, {:failed_to_start_child, :bad, :nope}}}
receive do {:EXIT, _, reason} -> IO.inspect(reason) end   # expect: {:shutdown, {:failed_to_start_child, :bad, :nope}}

start = {Worker, :start_link, [:z]}
for spec <- [%{start: start}, %{id: 1}, %{id: 1, start: :bad}, %{id: 1, start: start, restart: :bad},
             %{id: 1, start: start, type: :bad}, %{id: 1, start: start, shutdown: :bad}] do
  IO.inspect(Supervisor.start_link([spec], strategy: :one_for_one))
  receive do {:EXIT, _, _} -> :ok end
end
# expect: {:error, {:start_spec, :missing_id}}
# expect: {:error, {:start_spec, :missing_start}}
# expect: {:error, {:start_spec, {:invalid_mfa, :bad}}}
# expect: {:error, {:start_spec, {:invalid_restart_type, :bad}}}
# expect: {:error, {:start_spec, {:invalid_child_type, :bad}}}
# expect: {:error, {:start_spec, {:invalid_shutdown, :bad}}}
IO.inspect(Supervisor.start_link([{Worker, :a}, {Worker, :b}], strategy: :one_for_one))
# expect: {:error, {:start_spec, {:duplicate_child_name, Worker}}}
receive do {:EXIT, _, _} -> :ok end
IO.inspect(Supervisor.start_link([], strategy: :bad))   # expect: {:error, {:supervisor_data, {:invalid_strategy, :bad}}}

try do
  Supervisor.start_link([], [])
rescue
  e in ArgumentError -> IO.puts(e.message)             # expect: expected :strategy option to be given
end

try do
  Supervisor.child_spec({Worker, :a}, colour: :red)
rescue
  e in ArgumentError -> IO.puts(e.message)             # expect: unknown key :colour in child specification override
end
