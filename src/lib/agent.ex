# agent.ex: Agent, state kept in a process and changed by functions, written in ember itself
# (issue #6).
#
# Owns: the Agent API and Agent.Server, the GenServer callback module behind every agent, and
# Agent.Default (what `use Agent` gives: child_spec/1; protocol at GenServer.__using__/1).
# Does not own: starting, naming, calls and their exit reasons (all GenServer's).
# Invariant: every function given to an agent runs inside the agent process, one at a time, in
# the order the requests arrive. Requests have Elixir's shapes ({:get, fun}, {:update, fun},
# {:get_and_update, fun}, cast {:cast, fun}; fun may be {module, function, args}), so a failed
# call exits with the same reason as in Elixir.

defmodule Agent do
  @moduledoc "A process holding one state, read and changed by the functions it is given."

  @doc "A child spec starting an agent whose state is `fun.()`."
  def child_spec(arg), do: %{id: Agent, start: {Agent, :start_link, [arg]}}

  @doc "Starts an agent linked to the caller, its state `fun.()` run in it; `name:` registers it."
  def start_link(fun, opts \\ []) when is_function(fun, 0), do: GenServer.start_link(Agent.Server, fun, opts)

  @doc "Starts a linked agent whose state is apply(module, fun, args)."
  def start_link(module, fun, args, opts \\ []), do: GenServer.start_link(Agent.Server, {module, fun, args}, opts)

  @doc "Starts an agent without a link, its state `fun.()` run in it; `name:` registers it."
  def start(fun, opts \\ []) when is_function(fun, 0), do: GenServer.start(Agent.Server, fun, opts)

  @doc "Starts an unlinked agent whose state is apply(module, fun, args)."
  def start(module, fun, args, opts \\ []), do: GenServer.start(Agent.Server, {module, fun, args}, opts)

  @doc "Returns `fun.(state)`, computed in the agent; exits if no answer within `timeout` ms."
  def get(agent, fun, timeout \\ 5000), do: GenServer.call(agent, {:get, fun}, timeout)

  @doc "Returns apply(module, fun, [state | args]), computed in the agent."
  def get(agent, module, fun, args, timeout \\ 5000), do: GenServer.call(agent, {:get, {module, fun, args}}, timeout)

  @doc "Replaces the state with `fun.(state)` and returns :ok once done."
  def update(agent, fun, timeout \\ 5000), do: GenServer.call(agent, {:update, fun}, timeout)

  @doc "Replaces the state with apply(module, fun, [state | args]) and returns :ok."
  def update(agent, module, fun, args, timeout \\ 5000), do: GenServer.call(agent, {:update, {module, fun, args}}, timeout)

  @doc "`fun.(state)` returns {reply, new_state}: stores new_state and returns reply."
  def get_and_update(agent, fun, timeout \\ 5000), do: GenServer.call(agent, {:get_and_update, fun}, timeout)

  @doc "Like get_and_update/3 with apply(module, fun, [state | args])."
  def get_and_update(agent, module, fun, args, timeout \\ 5000) do
    GenServer.call(agent, {:get_and_update, {module, fun, args}}, timeout)
  end

  @doc "Replaces the state with `fun.(state)` without waiting; returns :ok at once."
  def cast(agent, fun), do: GenServer.cast(agent, {:cast, fun})

  @doc "Like cast/2 with apply(module, fun, [state | args])."
  def cast(agent, module, fun, args), do: GenServer.cast(agent, {:cast, {module, fun, args}})

  @doc "Stops the agent with `reason` and waits up to `timeout` for it; returns :ok."
  def stop(agent, reason \\ :normal, timeout \\ :infinity), do: GenServer.stop(agent, reason, timeout)

  @doc "Called by `use Agent`: the defaults it gives a module that lacks them, as [name: arity]."
  def __using__(_opts), do: [child_spec: 1]

  @doc "Runs the default `name` for `module` with `args`; `opts` are the options of `use`."
  def __using_default__(name, module, args), do: __using_default__(name, module, [], args)
  def __using_default__(name, module, opts, args), do: apply(Agent.Default, name, [module, opts | args])
end

defmodule Agent.Server do
  @moduledoc "The GenServer callbacks behind every agent."

  @doc "Computes the first state in the agent process."
  def init(fun), do: {:ok, run(fun, [])}

  @doc "Answers get, update and get_and_update requests."
  def handle_call({:get, fun}, _from, state), do: {:reply, run(fun, [state]), state}
  def handle_call({:update, fun}, _from, state), do: {:reply, :ok, run(fun, [state])}

  def handle_call({:get_and_update, fun}, _from, state) do
    case run(fun, [state]) do
      {reply, new_state} -> {:reply, reply, new_state}
      other -> {:stop, {:bad_return_value, other}, state}
    end
  end

  @doc "Applies a cast function."
  def handle_cast({:cast, fun}, state), do: {:noreply, run(fun, [state])}

  @doc "Reports an unexpected message on stderr and keeps the state."
  def handle_info(msg, state), do: GenServer.Default.handle_info(Agent.Server, [], msg, state)

  @doc "Does nothing."
  def terminate(_reason, _state), do: :ok

  @doc "Keeps the state."
  def code_change(_old_vsn, state, _extra), do: {:ok, state}

  defp run({module, fun, args}, extra), do: apply(module, fun, extra ++ args)
  defp run(fun, []), do: fun.()
  defp run(fun, [state]), do: fun.(state)
end

defmodule Agent.Default do
  @moduledoc "What `use Agent` gives a module that does not define it (see GenServer.__using__/1)."

  @doc "A child spec starting module.start_link(arg), with the options given to `use`."
  def child_spec(module, opts, arg) do
    Supervisor.child_spec(%{id: module, start: {module, :start_link, [arg]}}, opts)
  end
end
