# Task.start/1,3 and Task.start_link/1,3 run a function in a new process and return {:ok, pid};
# only start_link links it; Task.child_spec/1 and `use Task` give :temporary specs.
parent = self()
{:ok, pid} = Task.start(fn -> send(parent, {:ran, self()}) end)
receive do {:ran, ^pid} -> IO.puts("start ran") end                   # expect: start ran
{:ok, pid} = Task.start(Kernel, :send, [parent, :mfa_ran])
receive do :mfa_ran -> IO.inspect(is_pid(pid)) end                    # expect: true

Process.flag(:trap_exit, true)
{:ok, pid} = Task.start_link(fn -> exit({:shutdown, :linked}) end)
receive do {:EXIT, ^pid, reason} -> IO.inspect(reason) end            # expect: {:shutdown, :linked}
{:ok, pid} = Task.start_link(Kernel, :exit, [{:shutdown, :mfa}])
receive do {:EXIT, ^pid, reason} -> IO.inspect(reason) end            # expect: {:shutdown, :mfa}
{:ok, pid} = Task.start(fn -> exit({:shutdown, :unlinked}) end)
ref = Process.monitor(pid)
receive do {:DOWN, ^ref, _, _, reason} -> IO.inspect(reason) end      # expect: {:shutdown, :unlinked}
receive do {:EXIT, ^pid, _} -> IO.puts("linked?!") after 0 -> IO.puts("not linked") end   # expect: not linked

IO.inspect(Task.child_spec(:arg))    # expect: %{id: Task, restart: :temporary, start: {Task, :start_link, [:arg]}}

defmodule Job do
  use Task
  def start_link(arg), do: Task.start_link(fn -> send(:job_test, {:job, arg}) end)
end

IO.inspect(Job.child_spec(:seven))   # expect: %{id: Job, restart: :temporary, start: {Job, :start_link, [:seven]}}
Process.register(self(), :job_test)
{:ok, _} = Job.start_link(:seven)
receive do {:job, n} -> IO.inspect(n) end                             # expect: :seven
