# A task that crashes takes its linked caller down with its own exit reason; a caller that traps
# exits gets {:EXIT, pid, reason} instead and can ask yield/await about it.
{caller, ref} =
  spawn_monitor(fn ->
    task = Task.async(fn -> exit({:shutdown, :boom}) end)
    Task.await(task)
    IO.puts("not reached")
  end)

# (Matching ^caller here too trips an OTP 25 compiler bug in beam_ssa_recv.)
receive do {:DOWN, ^ref, :process, pid, reason} -> IO.inspect({pid == caller, reason}) end   # expect: {true, {:shutdown, :boom}}

Process.flag(:trap_exit, true)
task = Task.async(fn -> exit({:shutdown, :kaput}) end)
pid = task.pid
receive do {:EXIT, ^pid, reason} -> IO.inspect(reason) end            # expect: {:shutdown, :kaput}
IO.inspect(Task.yield(task))                                          # expect: {:exit, {:shutdown, :kaput}}

task = Task.async(fn -> exit({:shutdown, :again}) end)
try do
  Task.await(task)
catch
  :exit, {reason, {Task, :await, [^task, 5000]}} -> IO.inspect(reason)
end                                                                    # expect: {:shutdown, :again}

tasks = [Task.async(fn -> receive do :never -> :ok end end), Task.async(fn -> exit({:shutdown, 2}) end)]
try do
  Task.await_many(tasks, 5000)
catch
  :exit, {reason, {Task, :await_many, [^tasks, 5000]}} -> IO.inspect(reason)
end                                                                    # expect: {:shutdown, 2}
