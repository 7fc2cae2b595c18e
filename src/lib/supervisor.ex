# supervisor.ex: Supervisor, a process that starts children and restarts them when they die,
# written in ember itself (issue #6).
#
# Owns: the Supervisor API, child specs (Supervisor.child_spec/2, {Mod, arg}, Mod, maps, and the
# checks of Elixir's {:start_spec, _} errors), Supervisor.Server (the GenServer callbacks of every
# supervisor: strategies, restart intensity, shutdown) and Supervisor.Default (what
# `use Supervisor` gives: child_spec/1 with type :supervisor; see GenServer.__using__/1).
# Does not own: the GenServer loop (the supervisor is a GenServer that traps exits), SASL-style
# progress and error reports (Elixir 1.14 does not print them by default), DynamicSupervisor.
# Invariants: children are kept in start order and started in that order; they are stopped in
# the reverse order, each before the next; which_children lists the last started first, as OTP;
# a child's pid is a pid, :undefined (not running) or :restarting (a restart failed and is
# retried). More than max_restarts restarts within max_seconds stops the supervisor with
# :shutdown, after it has stopped the remaining children.

defmodule Supervisor do
  @moduledoc "Starts child processes, watches them and restarts them by a strategy."

  @doc "Starts a supervisor of `children` linked to the caller; opts strategy:, max_restarts:, max_seconds:, name:."
  def start_link(children, opts) when is_list(children) do
    {sup_opts, start_opts} = Enum.split_with(opts, fn opt -> supervisor_opt?(opt) end)
    GenServer.start_link(Supervisor.Server, {:spec, init(children, sup_opts)}, start_opts)
  end

  def start_link(module, arg) when is_atom(module), do: start_link(module, arg, [])

  @doc "Starts a supervisor linked to the caller whose children come from module.init(arg)."
  def start_link(module, arg, opts), do: GenServer.start_link(Supervisor.Server, {:module, module, arg}, opts)

  @doc "Builds init/1's result from a child list and strategy:, max_restarts: (3), max_seconds: (5)."
  def init(children, opts) when is_list(children) do
    strategy = Keyword.get(opts, :strategy)
    if strategy == nil, do: raise(ArgumentError, "expected :strategy option to be given")
    intensity = Keyword.get(opts, :max_restarts, 3)
    period = Keyword.get(opts, :max_seconds, 5)
    flags = %{strategy: strategy, intensity: intensity, period: period}
    {:ok, {flags, Enum.map(children, fn child -> to_spec(child) end)}}
  end

  @doc "Turns `child` ({Mod, arg}, Mod or a map) into a spec map and applies the `overrides`."
  def child_spec(child, overrides) do
    Enum.reduce(overrides, to_spec(child), fn {key, value}, spec -> override(spec, key, value) end)
  end

  @doc "Lists the children, last started first, as [{id, pid, type, modules}]."
  def which_children(sup), do: GenServer.call(sup, :which_children, :infinity)

  @doc "Counts the children: %{active:, specs:, supervisors:, workers:}."
  def count_children(sup), do: GenServer.call(sup, :count_children, :infinity)

  @doc "Stops the child `id` but keeps its spec (a temporary one's is dropped); :ok or {:error, :not_found}."
  def terminate_child(sup, id), do: GenServer.call(sup, {:terminate_child, id}, :infinity)

  @doc "Starts again the stopped child `id`: {:ok, pid}, {:error, :running} or {:error, :not_found}."
  def restart_child(sup, id), do: GenServer.call(sup, {:restart_child, id}, :infinity)

  @doc "Starts a new child from `child` ({Mod, arg}, Mod or a spec map): {:ok, pid} or {:error, reason}."
  def start_child(sup, child), do: GenServer.call(sup, {:start_child, to_spec(child)}, :infinity)

  @doc "Forgets the stopped child `id`: :ok, {:error, :running} or {:error, :not_found}."
  def delete_child(sup, id), do: GenServer.call(sup, {:delete_child, id}, :infinity)

  @doc "Stops the supervisor and its children (last started first) with `reason`; returns :ok."
  def stop(sup, reason \\ :normal, timeout \\ :infinity), do: GenServer.stop(sup, reason, timeout)

  @doc "Called by `use Supervisor`: the defaults it gives a module that lacks them, as [name: arity]."
  def __using__(_opts), do: [child_spec: 1]

  @doc "Runs the default `name` for `module` with `args`; `opts` are the options of `use`."
  def __using_default__(name, module, args), do: __using_default__(name, module, [], args)
  def __using_default__(name, module, opts, args), do: apply(Supervisor.Default, name, [module, opts | args])

  defp supervisor_opt?({key, _value}), do: key in [:strategy, :max_restarts, :max_seconds]

  defp to_spec(%{} = spec), do: spec
  defp to_spec({module, arg}) when is_atom(module), do: module_spec(module, arg)
  defp to_spec(module) when is_atom(module), do: module_spec(module, [])

  defp to_spec(other) do
    raise ArgumentError,
          "supervisors expect each child to be a module, a {module, arg} tuple or a child specification map, got: #{inspect(other)}"
  end

  # A module without child_spec/1 (or no module at all) is an ArgumentError, as in Elixir.
  defp module_spec(module, arg) do
    try do
      module.child_spec(arg)
    rescue
      e in UndefinedFunctionError ->
        if e.module == module and e.function == :child_spec and e.arity == 1 do
          raise ArgumentError, child_spec_error(module)
        else
          reraise e, __STACKTRACE__
        end
    end
  end

  defp child_spec_error(module) do
    if Code.ensure_loaded?(module) do
      """
      The module #{inspect(module)} was given as a child to a supervisor
      but it does not implement child_spec/1.

      If you own the given module, please define a child_spec/1 function
      that receives an argument and returns a child specification as a map.
      For example:

          def child_spec(opts) do
            %{
              id: __MODULE__,
              start: {__MODULE__, :start_link, [opts]},
              type: :worker,
              restart: :permanent,
              shutdown: 500
            }
          end

      Note that "use Agent", "use GenServer" and so on automatically define
      this function for you.

      However, if you don't own the given module and it doesn't implement
      child_spec/1, instead of passing the module name directly as a supervisor
      child, you will have to pass a child specification as a map:

          %{
            id: #{inspect(module)},
            start: {#{inspect(module)}, :start_link, [arg1, arg2]}
          }

      See the Supervisor documentation for more information.
      """
    else
      "The module #{inspect(module)} was given as a child to a supervisor but it does not exist."
    end
  end

  defp override(spec, key, value) do
    if key in [:id, :start, :restart, :shutdown, :type, :modules, :significant] do
      Map.put(spec, key, value)
    else
      raise ArgumentError, "unknown key #{inspect(key)} in child specification override"
    end
  end
end

defmodule Supervisor.Server do
  @moduledoc "The GenServer callbacks of every supervisor."

  @doc "Traps exits, checks the flags and specs, and starts the children in order."
  def init({:spec, {:ok, {flags, specs}}}) do
    Process.flag(:trap_exit, true)
    setup(flags, specs)
  end

  def init({:module, module, arg}) do
    Process.flag(:trap_exit, true)

    case module.init(arg) do
      {:ok, {flags, specs}} -> setup(flags, specs)
      :ignore -> :ignore
      other -> {:stop, {:bad_return, {module, :init, other}}}
    end
  end

  @doc "Answers which_children, count_children, terminate_child, restart_child, start_child, delete_child."
  def handle_call(:which_children, _from, state) do
    list = Enum.map(state.children, fn c -> {c.id, c.pid, c.type, c.modules} end)
    {:reply, Enum.reverse(list), state}
  end

  def handle_call(:count_children, _from, state), do: {:reply, count(state.children), state}

  def handle_call({:terminate_child, id}, _from, state) do
    case find(state.children, id) do
      nil -> {:reply, {:error, :not_found}, state}
      child -> {:reply, :ok, stop_child(state, child)}
    end
  end

  def handle_call({:restart_child, id}, _from, state) do
    case find(state.children, id) do
      nil -> {:reply, {:error, :not_found}, state}
      %{pid: :undefined} = child -> restart_stopped(state, child)
      %{pid: :restarting} -> {:reply, {:error, :restarting}, state}
      _running -> {:reply, {:error, :running}, state}
    end
  end

  def handle_call({:start_child, spec}, _from, state) do
    case check_spec(spec) do
      {:ok, child} -> add_child(state, child)
      {:error, reason} -> {:reply, {:error, reason}, state}
    end
  end

  def handle_call({:delete_child, id}, _from, state) do
    case find(state.children, id) do
      nil -> {:reply, {:error, :not_found}, state}
      %{pid: :undefined} -> {:reply, :ok, %{state | children: remove(state.children, id)}}
      %{pid: :restarting} -> {:reply, {:error, :restarting}, state}
      _running -> {:reply, {:error, :running}, state}
    end
  end

  @doc "Retries a restart that failed."
  def handle_cast({:try_again_restart, id}, state) do
    case find(state.children, id) do
      %{pid: :restarting} = child -> restart(state, child)
      _ -> {:noreply, state}
    end
  end

  @doc "Restarts a child that exited, by its restart type and the strategy."
  def handle_info({:EXIT, pid, reason}, state) do
    case Enum.find(state.children, fn c -> c.pid == pid end) do
      nil -> {:noreply, state}
      child -> child_exited(state, %{child | pid: :undefined}, reason)
    end
  end

  def handle_info(_msg, state), do: {:noreply, state}

  @doc "Stops every child, last started first."
  def terminate(_reason, state) do
    stop_all(Enum.reverse(state.children))
    :ok
  end

  @doc "Keeps the state."
  def code_change(_old_vsn, state, _extra), do: {:ok, state}

  # --- setting up ----------------------------------------------------------------------------

  defp setup(flags, specs) do
    case check_flags(flags) do
      {:ok, state} -> setup_children(state, specs)
      {:error, reason} -> {:stop, {:supervisor_data, reason}}
    end
  end

  defp setup_children(state, specs) do
    case check_specs(specs, %{}, []) do
      {:ok, children} -> start_all(state, children, [])
      {:error, reason} -> {:stop, {:start_spec, reason}}
    end
  end

  defp start_all(state, [], started), do: {:ok, %{state | children: Enum.reverse(started)}}

  defp start_all(state, [child | rest], started) do
    case start_process(child) do
      {:ok, pid} ->
        start_all(state, rest, [%{child | pid: pid} | started])

      {:error, reason} ->
        stop_all(started)
        {:stop, {:shutdown, {:failed_to_start_child, child.id, reason}}}
    end
  end

  defp check_flags(%{strategy: strategy} = flags) do
    intensity = Map.get(flags, :intensity, 3)
    period = Map.get(flags, :period, 5)

    cond do
      strategy not in [:one_for_one, :one_for_all, :rest_for_one] -> {:error, {:invalid_strategy, strategy}}
      not (is_integer(intensity) and intensity >= 0) -> {:error, {:invalid_intensity, intensity}}
      not (is_integer(period) and period > 0) -> {:error, {:invalid_period, period}}
      true -> {:ok, %{strategy: strategy, intensity: intensity, period: period, restarts: [], children: []}}
    end
  end

  defp check_flags({strategy, intensity, period}) do
    check_flags(%{strategy: strategy, intensity: intensity, period: period})
  end

  defp check_flags(other), do: {:error, {:invalid_type, other}}

  defp check_specs([], _ids, acc), do: {:ok, Enum.reverse(acc)}

  defp check_specs([spec | rest], ids, acc) do
    case check_spec(spec) do
      {:ok, child} ->
        if Map.has_key?(ids, child.id) do
          {:error, {:duplicate_child_name, child.id}}
        else
          check_specs(rest, Map.put(ids, child.id, true), [child | acc])
        end

      error ->
        error
    end
  end

  # A spec map becomes a child with every field filled in, or {:error, what is wrong}.
  defp check_spec(spec) do
    type = Map.get(spec, :type, :worker)
    shutdown = Map.get(spec, :shutdown, if(type == :supervisor, do: :infinity, else: 5000))
    restart = Map.get(spec, :restart, :permanent)

    cond do
      not Map.has_key?(spec, :id) -> {:error, :missing_id}
      not Map.has_key?(spec, :start) -> {:error, :missing_start}
      not mfa?(spec.start) -> {:error, {:invalid_mfa, spec.start}}
      restart not in [:permanent, :temporary, :transient] -> {:error, {:invalid_restart_type, restart}}
      type not in [:worker, :supervisor] -> {:error, {:invalid_child_type, type}}
      not shutdown?(shutdown) -> {:error, {:invalid_shutdown, shutdown}}
      true -> {:ok, make_child(spec, type, shutdown, restart)}
    end
  end

  defp make_child(spec, type, shutdown, restart) do
    {module, _fun, _args} = spec.start
    modules = Map.get(spec, :modules, [module])
    %{id: spec.id, start: spec.start, restart: restart, shutdown: shutdown, type: type, modules: modules, pid: :undefined}
  end

  defp mfa?({module, fun, args}), do: is_atom(module) and is_atom(fun) and is_list(args)
  defp mfa?(_), do: false

  defp shutdown?(:brutal_kill), do: true
  defp shutdown?(:infinity), do: true
  defp shutdown?(timeout), do: is_integer(timeout) and timeout >= 0

  # --- children ------------------------------------------------------------------------------

  # Runs the child's start function: {:ok, pid}, {:ok, :undefined} for :ignore, or {:error, reason}.
  defp start_process(%{start: {module, fun, args}}) do
    try do
      case apply(module, fun, args) do
        {:ok, pid} when is_pid(pid) -> {:ok, pid}
        {:ok, pid, _info} when is_pid(pid) -> {:ok, pid}
        :ignore -> {:ok, :undefined}
        {:error, reason} -> {:error, reason}
        other -> {:error, other}
      end
    catch
      :error, reason -> {:error, {reason, __STACKTRACE__}}
      _kind, reason -> {:error, reason}
    end
  end

  defp add_child(state, child) do
    case find(state.children, child.id) do
      %{pid: pid} when is_pid(pid) ->
        {:reply, {:error, {:already_started, pid}}, state}

      %{} ->
        {:reply, {:error, :already_present}, state}

      nil ->
        case start_process(child) do
          {:ok, pid} -> {:reply, {:ok, pid}, %{state | children: state.children ++ [%{child | pid: pid}]}}
          {:error, reason} -> {:reply, {:error, reason}, state}
        end
    end
  end

  defp restart_stopped(state, child) do
    case start_process(child) do
      {:ok, pid} -> {:reply, {:ok, pid}, put_pid(state, child.id, pid)}
      {:error, reason} -> {:reply, {:error, reason}, state}
    end
  end

  defp stop_child(state, child) do
    shutdown(child)

    if child.restart == :temporary do
      %{state | children: remove(state.children, child.id)}
    else
      put_pid(state, child.id, :undefined)
    end
  end

  defp stop_all(children_last_first), do: Enum.each(children_last_first, fn c -> shutdown(c) end)

  # Stops one child and waits for it: :shutdown, then :kill when its shutdown time is over.
  # The link goes first so that no {:EXIT, ...} for a child stopped here reaches handle_info;
  # one that was already queued means the child had died, and is consumed here.
  defp shutdown(%{pid: pid}) when not is_pid(pid), do: :ok

  defp shutdown(%{pid: pid, shutdown: how}) do
    ref = Process.monitor(pid)
    Process.unlink(pid)

    receive do
      {:EXIT, ^pid, _reason} -> wait_down(ref, :infinity)
    after
      0 -> kill(pid, ref, how)
    end
  end

  defp kill(pid, ref, :brutal_kill) do
    Process.exit(pid, :kill)
    wait_down(ref, :infinity)
  end

  defp kill(pid, ref, timeout) do
    Process.exit(pid, :shutdown)

    case wait_down(ref, timeout) do
      :ok -> :ok
      :timeout -> kill(pid, ref, :brutal_kill)
    end
  end

  defp wait_down(ref, timeout) do
    receive do
      {:DOWN, ^ref, :process, _, _} -> :ok
    after
      timeout -> :timeout
    end
  end

  # --- restarting ----------------------------------------------------------------------------

  defp child_exited(state, %{restart: :temporary} = child, _reason) do
    {:noreply, %{state | children: remove(state.children, child.id)}}
  end

  defp child_exited(state, %{restart: :transient} = child, reason) do
    if normal_exit?(reason), do: {:noreply, put_pid(state, child.id, :undefined)}, else: restart(state, child)
  end

  defp child_exited(state, child, _reason), do: restart(state, child)

  defp normal_exit?(:normal), do: true
  defp normal_exit?(:shutdown), do: true
  defp normal_exit?({:shutdown, _}), do: true
  defp normal_exit?(_), do: false

  defp restart(state, child) do
    state = put_pid(state, child.id, :undefined)

    case add_restart(state) do
      {:ok, state} -> {:noreply, restart_group(state, group(state, child.id))}
      :too_many -> {:stop, :shutdown, state}
    end
  end

  defp add_restart(state) do
    now = System.monotonic_time(:millisecond)
    window = state.period * 1000
    restarts = [now | Enum.filter(state.restarts, fn t -> now - t < window end)]
    if length(restarts) > state.intensity, do: :too_many, else: {:ok, %{state | restarts: restarts}}
  end

  # The ids the strategy restarts when `id` dies, in start order.
  defp group(%{strategy: :one_for_one}, id), do: [id]
  defp group(%{strategy: :one_for_all} = state, _id), do: Enum.map(state.children, fn c -> c.id end)

  defp group(%{strategy: :rest_for_one} = state, id) do
    state.children |> Enum.map(fn c -> c.id end) |> Enum.drop_while(fn x -> x != id end)
  end

  # Stops the group's running children (last started first), drops the temporary ones among
  # them, then starts the rest in order. A failed start is retried through a cast to self,
  # so each attempt counts towards the restart intensity.
  defp restart_group(state, ids) do
    members = Enum.filter(state.children, fn c -> c.id in ids end)
    stop_all(Enum.reverse(members))
    temporary = for c <- members, c.restart == :temporary, do: c.id
    children = Enum.reject(state.children, fn c -> c.id in temporary end)
    state = %{state | children: Enum.map(children, fn c -> if c.id in ids, do: %{c | pid: :undefined}, else: c end)}
    start_group(state, Enum.reject(ids, fn id -> id in temporary end))
  end

  defp start_group(state, []), do: state

  defp start_group(state, [id | rest]) do
    case start_process(find(state.children, id)) do
      {:ok, pid} ->
        start_group(put_pid(state, id, pid), rest)

      {:error, _reason} ->
        GenServer.cast(self(), {:try_again_restart, id})
        put_pid(state, id, :restarting)
    end
  end

  # --- the child list ------------------------------------------------------------------------

  defp find(children, id), do: Enum.find(children, fn c -> c.id == id end)

  defp remove(children, id), do: Enum.reject(children, fn c -> c.id == id end)

  defp put_pid(state, id, pid) do
    children = Enum.map(state.children, fn c -> if c.id == id, do: %{c | pid: pid}, else: c end)
    %{state | children: children}
  end

  defp count(children) do
    %{
      active: Enum.count(children, fn c -> is_pid(c.pid) end),
      specs: length(children),
      supervisors: Enum.count(children, fn c -> c.type == :supervisor end),
      workers: Enum.count(children, fn c -> c.type == :worker end)
    }
  end
end

defmodule Supervisor.Default do
  @moduledoc "What `use Supervisor` gives a module that does not define it (see GenServer.__using__/1)."

  @doc "A child spec starting module.start_link(arg) as a :supervisor, with `use`'s options."
  def child_spec(module, opts, arg) do
    spec = %{id: module, start: {module, :start_link, [arg]}, type: :supervisor}
    Supervisor.child_spec(spec, opts)
  end
end
