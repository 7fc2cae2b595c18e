# A task that does not answer in time: await exits the caller with {:timeout, {Task, :await, ...}},
# the task keeps running, and shutdown stops it.
task = Task.async(fn -> receive do :never -> :ok end end)
try do
  Task.await(task, 50)
catch
  :exit, {:timeout, {Task, :await, [^task, 50]}} -> IO.puts("await timed out")
end                                                                    # expect: await timed out
IO.inspect(Process.alive?(task.pid))                                  # expect: true
IO.inspect(Task.shutdown(task))                                       # expect: nil
IO.inspect(Process.alive?(task.pid))                                  # expect: false

tasks = [Task.async(fn -> :quick end), Task.async(fn -> receive do :never -> :ok end end)]
try do
  Task.await_many(tasks, 50)
catch
  :exit, {:timeout, {Task, :await_many, [^tasks, 50]}} -> IO.puts("await_many timed out")
end                                                                    # expect: await_many timed out
IO.inspect(Task.shutdown(List.last(tasks), :brutal_kill))             # expect: nil

# A task that already answered gives its result to shutdown.
task = Task.async(fn -> :done end)
ref = task.ref
receive do {:DOWN, ^ref, _, _, _} = down -> send(self(), down) end
IO.inspect(Task.shutdown(task))                                       # expect: {:ok, :done}

# Awaiting from another process than the owner raises.
task = Task.async(fn -> :mine end)
parent = self()
spawn(fn ->
  try do
    Task.await(task)
  rescue
    e in ArgumentError -> send(parent, {:raised, String.contains?(e.message, "must be queried from the owner")})
  end
end)
receive do {:raised, value} -> IO.inspect(value) end                  # expect: true
IO.inspect(Task.await(task))                                          # expect: :mine
