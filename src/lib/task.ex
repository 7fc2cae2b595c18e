# task.ex: Task, a function run in its own process whose result is awaited, written in ember
# itself (issue #6).
#
# Owns: the %Task{} struct (fields mfa, owner, pid, ref, as Elixir 1.14), async/await/yield/
# await_many/shutdown, start/start_link, and Task.Default (what `use Task` gives: child_spec/1,
# restart :temporary; protocol at GenServer.__using__/1).
# Does not own: crash reports (the runtime prints them), process aliases (after a timeout a
# late reply can still arrive, where Elixir drops it).
# Protocol: async spawns the task linked to its owner, then monitors it and sends it the
# monitor's ref as {:"$task_ref", ref}; the task answers {ref, result}. So task.ref tags both the
# reply and the :DOWN, a crash reaches the owner through the link (and kills it unless it traps
# exits), and only the owner may await.

defmodule Task do
  @moduledoc "Runs a function in a new process and collects its result later."

  defstruct [:mfa, :owner, :pid, :ref]

  @doc "A child spec starting Task.start_link(arg), restart :temporary."
  def child_spec(arg), do: %{id: Task, start: {Task, :start_link, [arg]}, restart: :temporary}

  @doc "Runs `fun` in a new process linked to the caller; returns a %Task{} to await."
  def async(fun) when is_function(fun, 0), do: spawn_async(fun, {:erlang, :apply, 2})

  @doc "Runs apply(module, fun, args) in a new linked process; returns a %Task{} to await."
  def async(module, fun, args) do
    spawn_async(fn -> apply(module, fun, args) end, {module, fun, length(args)})
  end

  @doc "Waits up to `timeout` ms for the task's result; exits the caller on timeout or if it died."
  def await(%Task{ref: ref} = task, timeout \\ 5000) do
    check_owner(task)

    receive do
      {^ref, reply} ->
        Process.demonitor(ref, [:flush])
        reply

      {:DOWN, ^ref, _, _, reason} ->
        exit({reason, {Task, :await, [task, timeout]}})
    after
      timeout ->
        Process.demonitor(ref, [:flush])
        exit({:timeout, {Task, :await, [task, timeout]}})
    end
  end

  @doc "Awaits every task within `timeout` ms in all; returns their results in the list's order."
  def await_many(tasks, timeout \\ 5000) when is_list(tasks) do
    Enum.each(tasks, fn task -> check_owner(task) end)
    pending = Enum.reduce(tasks, %{}, fn task, acc -> Map.put(acc, task.ref, true) end)
    replies = collect(tasks, timeout, pending, %{}, deadline(timeout))
    Enum.map(tasks, fn task -> Map.get(replies, task.ref) end)
  end

  @doc "Waits up to `timeout` ms: {:ok, result}, {:exit, reason} if the task died, or nil."
  def yield(%Task{ref: ref} = task, timeout \\ 5000) do
    check_owner(task)

    receive do
      {^ref, reply} ->
        Process.demonitor(ref, [:flush])
        {:ok, reply}

      {:DOWN, ^ref, _, _, reason} ->
        {:exit, reason}
    after
      timeout -> nil
    end
  end

  @doc "Stops the task (:kill after `timeout` ms): nil, or {:ok, result} or {:exit, reason} if it had ended."
  def shutdown(%Task{pid: pid, ref: ref} = task, timeout \\ 5000) do
    check_owner(task)

    receive do
      {^ref, reply} ->
        Process.demonitor(ref, [:flush])
        {:ok, reply}

      {:DOWN, ^ref, _, _, reason} ->
        {:exit, reason}
    after
      0 -> stop_task(pid, ref, timeout)
    end
  end

  @doc "Runs `fun` in a new process, not linked; returns {:ok, pid}."
  def start(fun) when is_function(fun, 0), do: {:ok, spawn(fun)}

  @doc "Runs apply(module, fun, args) in a new process, not linked; returns {:ok, pid}."
  def start(module, fun, args), do: {:ok, spawn(fn -> apply(module, fun, args) end)}

  @doc "Runs `fun` in a new process linked to the caller; returns {:ok, pid}."
  def start_link(fun) when is_function(fun, 0), do: {:ok, spawn_link(fun)}

  @doc "Runs apply(module, fun, args) in a new linked process; returns {:ok, pid}."
  def start_link(module, fun, args), do: {:ok, spawn_link(fn -> apply(module, fun, args) end)}

  @doc "Called by `use Task`: the defaults it gives a module that lacks them, as [name: arity]."
  def __using__(_opts), do: [child_spec: 1]

  @doc "Runs the default `name` for `module` with `args`; `opts` are the options of `use`."
  def __using_default__(name, module, args), do: __using_default__(name, module, [], args)
  def __using_default__(name, module, opts, args), do: apply(Task.Default, name, [module, opts | args])

  defp spawn_async(fun, mfa) do
    owner = self()
    pid = spawn_link(fn -> run_async(owner, fun) end)
    ref = Process.monitor(pid)
    send(pid, {:"$task_ref", ref})
    %Task{mfa: mfa, owner: owner, pid: pid, ref: ref}
  end

  defp run_async(owner, fun) do
    receive do
      {:"$task_ref", ref} -> send(owner, {ref, fun.()})
    end
  end

  defp check_owner(%Task{owner: owner} = task) do
    if owner != self() do
      raise ArgumentError,
            "task #{inspect(task)} must be queried from the owner but was queried from #{inspect(self())}"
    end
  end

  # Takes the replies in whatever order they come, so one dead task ends the wait at once.
  defp collect(_tasks, _timeout, pending, replies, _deadline) when map_size(pending) == 0, do: replies

  defp collect(tasks, timeout, pending, replies, deadline) do
    receive do
      {ref, reply} when is_reference(ref) and is_map_key(pending, ref) ->
        Process.demonitor(ref, [:flush])
        collect(tasks, timeout, Map.delete(pending, ref), Map.put(replies, ref, reply), deadline)

      {:DOWN, ref, _, _, reason} when is_map_key(pending, ref) ->
        exit({reason, {Task, :await_many, [tasks, timeout]}})
    after
      remaining(deadline) ->
        Enum.each(Map.keys(pending), fn ref -> Process.demonitor(ref, [:flush]) end)
        exit({:timeout, {Task, :await_many, [tasks, timeout]}})
    end
  end

  defp deadline(:infinity), do: :infinity
  defp deadline(timeout), do: System.monotonic_time(:millisecond) + timeout

  defp remaining(:infinity), do: :infinity
  defp remaining(deadline), do: max(deadline - System.monotonic_time(:millisecond), 0)

  # A fresh monitor, as the task's own may be gone (an await that timed out removes it): its
  # :noproc says the task had already died; any other :DOWN means it was stopped here.
  defp stop_task(pid, ref, timeout) do
    mon = Process.monitor(pid)
    Process.unlink(pid)
    Process.exit(pid, if(timeout == :brutal_kill, do: :kill, else: :shutdown))
    result = await_stop(pid, ref, mon, if(timeout == :brutal_kill, do: :infinity, else: timeout))
    Process.demonitor(mon, [:flush])
    Process.demonitor(ref, [:flush])
    result
  end

  defp await_stop(pid, ref, mon, timeout) do
    receive do
      {^ref, reply} -> {:ok, reply}
      {:DOWN, ^mon, _, _, :noproc} -> {:exit, :noproc}
      {:DOWN, ^mon, _, _, _reason} -> nil
    after
      timeout ->
        Process.exit(pid, :kill)
        await_stop(pid, ref, mon, :infinity)
    end
  end
end

defmodule Task.Default do
  @moduledoc "What `use Task` gives a module that does not define it (see GenServer.__using__/1)."

  @doc "A child spec starting module.start_link(arg), restart :temporary, with `use`'s options."
  def child_spec(module, opts, arg) do
    spec = %{id: module, start: {module, :start_link, [arg]}, restart: :temporary}
    Supervisor.child_spec(spec, opts)
  end
end
