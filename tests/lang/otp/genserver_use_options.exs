# The options of `use GenServer` (and of `use Task`, `use Agent`, `use Supervisor`) go into the
# child spec it gives.
defmodule Tr do
  use GenServer, restart: :transient, shutdown: 10_000
end

IO.inspect(Tr.child_spec(1))           # expect: %{id: Tr, restart: :transient, shutdown: 10000, start: {Tr, :start_link, [1]}}

defmodule Job do
  use Task, id: :job
end

IO.inspect(Job.child_spec(2))          # expect: %{id: :job, restart: :temporary, start: {Job, :start_link, [2]}}

defmodule Holder do
  use Agent, restart: :transient, id: :holder
end

IO.inspect(Holder.child_spec(:x))      # expect: %{id: :holder, restart: :transient, start: {Holder, :start_link, [:x]}}

defmodule Sv do
  use Supervisor, restart: :temporary

  def init(_arg), do: Supervisor.init([], strategy: :one_for_one)
end

IO.inspect(Sv.child_spec(1))           # expect: %{id: Sv, restart: :temporary, start: {Sv, :start_link, [1]}, type: :supervisor}

# Without options the defaults are Elixir's.
defmodule Plain do
  use GenServer
  def init(s), do: {:ok, s}
end

IO.inspect(Plain.child_spec(0))        # expect: %{id: Plain, start: {Plain, :start_link, [0]}}
