# gen_server.ex: GenServer, a generic server process, written in ember itself (issue #6).
#
# Owns: starting a server (start/start_link, `name:`, the results of init/1), its receive loop,
# the call/cast/reply/stop protocol and Elixir's exit reasons for each failure of a call, and
# GenServer.Default, the callbacks `use GenServer` gives a module (the `use` protocol is
# described at __using__/1 below and in OTP.md).
# Does not own: crash reports of raised errors (the server re-raises them and the runtime prints
# the report), process aliases (a reply that arrives after its call timed out stays in the
# caller's mailbox, where Elixir drops it), `{:global, _}` and `{:via, _, _}` names.
# Messages have OTP's shapes, so they inspect alike:
#   call  {:"$gen_call", {caller, ref}, request}, answered by {ref, reply}
#   cast  {:"$gen_cast", request}
#   stop  {:system, {caller, ref}, {:terminate, reason}}; the caller waits for the :DOWN
# Invariant: a callback's throw is taken as its return value (as OTP does); any other
# exception ends the server after terminate/2, with reason {error, stacktrace} for errors.

defmodule GenServer do
  @moduledoc "A process that keeps state and answers calls, casts and messages through callbacks."

  @doc "Starts a server running `module` (init/1 gets `arg`) without a link; returns {:ok, pid}."
  def start(module, arg, opts \\ []), do: start_server(false, module, arg, opts)

  @doc "Starts a server running `module` (init/1 gets `arg`) linked to the caller; returns {:ok, pid}."
  def start_link(module, arg, opts \\ []), do: start_server(true, module, arg, opts)

  @doc "Sends `request` to `server` and waits up to `timeout` ms for the reply of handle_call/3."
  def call(server, request, timeout \\ 5000) do
    case whereis(server) do
      nil -> exit({:noproc, {GenServer, :call, [server, request, timeout]}})
      pid when pid == self() -> exit({:calling_self, {GenServer, :call, [server, request, timeout]}})
      pid -> call_pid(pid, server, request, timeout)
    end
  end

  @doc "Sends `request` to `server` for handle_cast/2 and returns :ok at once, even if it is gone."
  def cast(server, request) do
    case whereis(server) do
      nil -> :ok
      pid -> send_cast(pid, request)
    end
  end

  @doc "Answers a call from its handle_call/3 `from` argument, outside the callback; returns :ok."
  def reply({pid, ref}, reply) do
    send(pid, {ref, reply})
    :ok
  end

  @doc "Stops `server` with `reason` (terminate/2 runs first) and waits for it; returns :ok."
  def stop(server, reason \\ :normal, timeout \\ :infinity) do
    case whereis(server) do
      nil -> exit({:noproc, {GenServer, :stop, [server, reason, timeout]}})
      pid when pid == self() -> exit({:calling_self, {GenServer, :stop, [server, reason, timeout]}})
      pid -> stop_pid(pid, server, reason, timeout)
    end
  end

  @doc "Returns the pid of `server` (a pid or a registered name), or nil."
  def whereis(server) when is_pid(server), do: server
  def whereis(server) when is_atom(server), do: Process.whereis(server)

  # `use X, opts` in module M (the compiler's whole job, the same for every X):
  #   1. while M's body runs, call X.__using__(opts); it returns [name: arity, ...];
  #   2. for each name/arity that M does not define itself (after its whole body), define
  #        def name(a1, ..., an), do: X.__using_default__(:name, M, opts, [a1, ..., an])
  #      (the compiler calls X.__using_default__(:name, M, [a1, ..., an]) instead when X
  #      defines only that 3-argument form).
  # X.__using_default__ applies X.Default.name(M, opts, a1, ..., an).
  @doc "Called by `use GenServer`: the defaults it gives a module that lacks them, as [name: arity]."
  def __using__(_opts) do
    [child_spec: 1, init: 1, handle_call: 3, handle_cast: 2, handle_info: 2, terminate: 2, code_change: 3]
  end

  @doc "Runs the default `name` for `module` with `args`; `opts` are the options of `use`."
  def __using_default__(name, module, args), do: __using_default__(name, module, [], args)
  def __using_default__(name, module, opts, args), do: apply(GenServer.Default, name, [module, opts | args])

  # --- client side ---------------------------------------------------------------------------

  defp send_cast(pid, request) do
    send(pid, {:"$gen_cast", request})
    :ok
  end

  # The monitor both tags the reply and reports the server's death, so a dead server ends the
  # wait at once with its exit reason (:noproc if it was already gone).
  defp call_pid(pid, server, request, timeout) do
    ref = Process.monitor(pid)
    send(pid, {:"$gen_call", {self(), ref}, request})

    receive do
      {^ref, reply} ->
        Process.demonitor(ref, [:flush])
        reply

      {:DOWN, ^ref, _, _, reason} ->
        exit({reason, {GenServer, :call, [server, request, timeout]}})
    after
      timeout ->
        Process.demonitor(ref, [:flush])
        exit({:timeout, {GenServer, :call, [server, request, timeout]}})
    end
  end

  defp stop_pid(pid, server, reason, timeout) do
    ref = Process.monitor(pid)
    send(pid, {:system, {self(), ref}, {:terminate, reason}})

    receive do
      {:DOWN, ^ref, _, _, ^reason} -> :ok
      {:DOWN, ^ref, _, _, other} -> exit({other, {GenServer, :stop, [server, reason, timeout]}})
    after
      timeout ->
        Process.demonitor(ref, [:flush])
        exit({:timeout, {GenServer, :stop, [server, reason, timeout]}})
    end
  end

  # --- starting ------------------------------------------------------------------------------

  # A taken name is refused before spawning, as OTP does; the new process registers the name
  # itself, so the loser of a race between two starts also gets {:already_started, pid}.
  defp start_server(link, module, arg, opts) do
    name = Keyword.get(opts, :name)

    case name_owner(name) do
      nil -> spawn_server(link, module, arg, name, Keyword.get(opts, :timeout, :infinity))
      pid -> {:error, {:already_started, pid}}
    end
  end

  defp name_owner(nil), do: nil
  defp name_owner(name) when is_atom(name), do: Process.whereis(name)

  defp spawn_server(link, module, arg, name, timeout) do
    starter = self()
    tag = make_ref()
    body = fn -> init_server(starter, link, tag, module, arg, name) end
    pid = if link, do: spawn_link(body), else: spawn(body)
    ref = Process.monitor(pid)
    await_ack(pid, ref, tag, timeout)
  end

  defp await_ack(pid, ref, tag, timeout) do
    receive do
      {^tag, result} ->
        Process.demonitor(ref, [:flush])
        result

      {:DOWN, ^ref, _, _, reason} ->
        {:error, reason}
    after
      timeout ->
        Process.unlink(pid)
        Process.exit(pid, :kill)
        Process.demonitor(ref, [:flush])
        {:error, :timeout}
    end
  end

  defp init_server(starter, link, tag, module, arg, name) do
    parent = if link, do: starter, else: self()

    case register(name) do
      :ok -> run_init(%{module: module, parent: parent, name: name}, starter, tag, arg)
      {:taken, pid} -> send(starter, {tag, {:error, {:already_started, pid}}})
    end
  end

  defp register(nil), do: :ok

  defp register(name) do
    try do
      Process.register(self(), name)
      :ok
    rescue
      _error -> {:taken, Process.whereis(name)}
    end
  end

  defp run_init(srv, starter, tag, arg) do
    case run_callback(srv.module, :init, [arg]) do
      {:ok, {:ok, state}} -> ack_and_loop(srv, starter, tag, state, :infinity)
      {:ok, {:ok, state, timeout}} -> ack_and_loop(srv, starter, tag, state, timeout)
      {:ok, :ignore} -> fail_init(srv, starter, tag, :ignore, :exit, :normal, [])
      {:ok, {:stop, reason}} -> fail_init(srv, starter, tag, {:error, reason}, :exit, reason, [])
      {:ok, other} -> fail_init(srv, starter, tag, {:error, {:bad_return_value, other}}, :exit, {:bad_return_value, other}, [])
      {:raised, kind, reason, stack} -> fail_init(srv, starter, tag, {:error, crash_reason(kind, reason, stack)}, kind, reason, stack)
    end
  end

  defp ack_and_loop(srv, starter, tag, state, timeout) do
    send(starter, {tag, {:ok, self()}})
    loop(srv, state, timeout)
  end

  # The name goes before the answer, so a caller that retries at once finds it free.
  defp fail_init(srv, starter, tag, answer, kind, reason, stack) do
    if srv.name != nil, do: Process.unregister(srv.name)
    send(starter, {tag, answer})
    rethrow(kind, reason, stack)
  end

  # --- the loop ------------------------------------------------------------------------------

  defp loop(srv, state, {:continue, arg}), do: dispatch(srv, state, :handle_continue, [arg, state], {:continue, arg})
  defp loop(srv, state, :hibernate), do: loop(srv, state, :infinity)

  defp loop(srv, state, timeout) do
    parent = srv.parent

    receive do
      {:"$gen_call", from, request} = msg -> handle_call(srv, state, from, request, msg)
      {:"$gen_cast", request} = msg -> dispatch(srv, state, :handle_cast, [request, state], msg)
      {:system, _from, {:terminate, reason}} = msg -> terminate(srv, state, reason, msg)
      {:EXIT, ^parent, reason} = msg -> terminate(srv, state, reason, msg)
      msg -> handle_info(srv, state, msg)
    after
      timeout -> handle_info(srv, state, :timeout)
    end
  end

  defp handle_info(srv, state, msg) do
    if function_exported?(srv.module, :handle_info, 2) do
      dispatch(srv, state, :handle_info, [msg, state], msg)
    else
      GenServer.Default.handle_info(srv.module, [], msg, state)
      loop(srv, state, :infinity)
    end
  end

  defp handle_call(srv, state, from, request, msg) do
    case run_callback(srv.module, :handle_call, [request, from, state]) do
      {:ok, {:reply, reply, new_state}} -> reply_and_loop(srv, from, reply, new_state, :infinity)
      {:ok, {:reply, reply, new_state, timeout}} -> reply_and_loop(srv, from, reply, new_state, timeout)
      {:ok, {:stop, reason, reply, new_state}} -> stop_with_reply(srv, new_state, reason, msg, from, reply)
      result -> handle_result(srv, state, result, msg)
    end
  end

  defp reply_and_loop(srv, from, reply, state, timeout) do
    reply(from, reply)
    loop(srv, state, timeout)
  end

  # OTP runs terminate/2 before the reply goes out.
  defp stop_with_reply(srv, state, reason, msg, from, reply) do
    run_terminate(srv, state, :exit, reason, [], msg, fn -> reply(from, reply) end)
  end

  defp dispatch(srv, state, callback, args, msg) do
    handle_result(srv, state, run_callback(srv.module, callback, args), msg)
  end

  defp handle_result(srv, _state, {:ok, {:noreply, new_state}}, _msg), do: loop(srv, new_state, :infinity)
  defp handle_result(srv, _state, {:ok, {:noreply, new_state, timeout}}, _msg), do: loop(srv, new_state, timeout)
  defp handle_result(srv, _state, {:ok, {:stop, reason, new_state}}, msg), do: terminate(srv, new_state, reason, msg)
  defp handle_result(srv, state, {:ok, other}, msg), do: terminate(srv, state, {:bad_return_value, other}, msg)

  defp handle_result(srv, state, {:raised, kind, reason, stack}, msg) do
    run_terminate(srv, state, kind, reason, stack, msg, fn -> :ok end)
  end

  # --- ending --------------------------------------------------------------------------------

  defp terminate(srv, state, reason, msg) do
    run_terminate(srv, state, :exit, reason, [], msg, fn -> :ok end)
  end

  # Runs terminate/2 (if the module has it), then `after_terminate`, then ends the process with
  # the original exception, or with the one terminate/2 raised.
  defp run_terminate(srv, state, kind, reason, stack, msg, after_terminate) do
    exit_reason = crash_reason(kind, reason, stack)

    result =
      if function_exported?(srv.module, :terminate, 2) do
        run_callback(srv.module, :terminate, [exit_reason, state])
      else
        {:ok, :ok}
      end

    after_terminate.()

    case result do
      {:raised, kind2, reason2, stack2} -> rethrow(kind2, reason2, stack2)
      _ -> end_server(srv, state, kind, reason, stack, msg)
    end
  end

  defp end_server(srv, state, :exit, reason, stack, msg) do
    if not quiet_reason?(reason), do: report(srv, state, reason, msg)
    rethrow(:exit, reason, stack)
  end

  defp end_server(_srv, _state, kind, reason, stack, _msg), do: rethrow(kind, reason, stack)

  defp quiet_reason?(:normal), do: true
  defp quiet_reason?(:shutdown), do: true
  defp quiet_reason?({:shutdown, _}), do: true
  defp quiet_reason?(_), do: false

  # Errors are reported by the runtime when they are re-raised; other abnormal stops are
  # reported here, on stderr, in the shape of Elixir's report.
  defp report(srv, state, reason, msg) do
    IO.puts(:stderr, "[error] GenServer #{inspect(proc_name(srv))} terminating")
    IO.puts(:stderr, "** (stop) #{describe_reason(reason)}")
    IO.puts(:stderr, describe_message(msg))
    IO.puts(:stderr, "State: #{inspect(state)}")
  end

  defp describe_message({:"$gen_call", {pid, _ref}, request}), do: "Last message (from #{inspect(pid)}): #{inspect(request)}"
  defp describe_message(msg), do: "Last message: #{inspect(msg)}"

  defp describe_reason({:bad_return_value, value}), do: "bad return value: #{inspect(value)}"
  defp describe_reason(reason), do: inspect(reason)

  defp proc_name(srv) do
    if srv.name == nil, do: self(), else: srv.name
  end

  # Ends the process as the callback's own exception would have: exits stay exits (no crash
  # report), errors are raised again with their stacktrace (the runtime reports them).
  defp rethrow(:exit, reason, _stack), do: exit(reason)

  defp rethrow(:error, reason, stack) do
    if is_exception(reason), do: reraise(reason, stack), else: :erlang.raise(:error, reason, stack)
  end

  defp crash_reason(:error, reason, stack), do: {reason, stack}
  defp crash_reason(_kind, reason, _stack), do: reason

  # Returns {:ok, result} (a throw counts as a result) or {:raised, kind, reason, stacktrace}.
  defp run_callback(module, callback, args) do
    try do
      {:ok, apply(module, callback, args)}
    catch
      :throw, value -> {:ok, value}
      kind, reason -> {:raised, kind, reason, __STACKTRACE__}
    end
  end
end

defmodule GenServer.Default do
  @moduledoc "The callbacks `use GenServer` gives a module that does not define them itself."

  # Each default takes the using module and the options of `use` before the callback's own
  # arguments (see GenServer.__using__/1).

  @doc "A child spec starting module.start_link(arg), with the options given to `use`."
  def child_spec(module, opts, arg) do
    Supervisor.child_spec(%{id: module, start: {module, :start_link, [arg]}}, opts)
  end

  @doc "Keeps the start argument as the state."
  def init(_module, _opts, arg), do: {:ok, arg}

  @doc "Raises: the module has no handle_call/3."
  def handle_call(_module, _opts, _request, _from, _state) do
    raise "attempted to call GenServer #{inspect(current_name())} but no handle_call/3 clause was provided"
  end

  @doc "Raises: the module has no handle_cast/2."
  def handle_cast(_module, _opts, _request, _state) do
    raise "attempted to cast GenServer #{inspect(current_name())} but no handle_cast/2 clause was provided"
  end

  @doc "Reports the unexpected message on stderr and keeps the state."
  def handle_info(module, _opts, msg, state) do
    IO.puts(:stderr, "[error] #{inspect(module)} #{inspect(current_name())} received unexpected message in handle_info/2: #{inspect(msg)}")
    {:noreply, state}
  end

  @doc "Does nothing."
  def terminate(_module, _opts, _reason, _state), do: :ok

  @doc "Keeps the state."
  def code_change(_module, _opts, _old_vsn, state, _extra), do: {:ok, state}

  defp current_name do
    case Process.info(self(), :registered_name) do
      {:registered_name, name} when is_atom(name) and name != nil -> name
      _ -> self()
    end
  end
end
