# What `use GenServer` gives: child_spec/1, init/1 keeping the argument, terminate/2,
# code_change/3, and handle_* callbacks only where the module has none. (The options of `use`
# are in genserver_use_options.exs.)
defmodule Plain do
  use GenServer
end

defmodule Tuned do
  use GenServer, restart: :transient, shutdown: 10_000

  def child_spec(arg), do: %{id: {:tuned, arg}, start: {__MODULE__, :start_link, [arg]}}
  def handle_call(:state, _from, s), do: {:reply, s, s}
end

IO.inspect(Plain.child_spec(:x))       # expect: %{id: Plain, start: {Plain, :start_link, [:x]}}
IO.inspect(Tuned.child_spec(2))        # expect: %{id: {:tuned, 2}, start: {Tuned, :start_link, [2]}}
IO.inspect(Plain.init(:arg))           # expect: {:ok, :arg}
IO.inspect(Plain.terminate(:normal, :s))          # expect: :ok
IO.inspect(Plain.code_change(:old, :s, :extra))   # expect: {:ok, :s}
IO.inspect(for f <- [init: 1, handle_call: 3, handle_cast: 2, handle_info: 2, terminate: 2, code_change: 3],
             do: function_exported?(Plain, elem(f, 0), elem(f, 1)))
# expect: [true, true, true, true, true, true]

{:ok, pid} = GenServer.start(Tuned, :tuned_state)
IO.inspect(GenServer.call(pid, :state))           # expect: :tuned_state
IO.inspect(GenServer.stop(pid))                   # expect: :ok
