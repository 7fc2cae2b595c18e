# The options of `use GenServer` go into the child spec it gives.
defmodule Tr do
  use GenServer, restart: :transient, shutdown: 10_000
end

IO.inspect(Tr.child_spec(1))           # expect: %{id: Tr, restart: :transient, shutdown: 10000, start: {Tr, :start_link, [1]}}

defmodule Job do
  use Task, id: :job
end

IO.inspect(Job.child_spec(2))          # expect: %{id: :job, restart: :temporary, start: {Job, :start_link, [2]}}
