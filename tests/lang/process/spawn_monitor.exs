# spawn_monitor/1,3 returns {pid, ref} and the monitor is in place before the process runs.
{pid, ref} = spawn_monitor(fn -> exit(:quick) end)
IO.inspect({is_pid(pid), is_reference(ref)})         # expect: {true, true}
receive do
  {:DOWN, r, :process, p, reason} when r == ref -> IO.inspect({p == pid, reason})  # expect: {true, :quick}
end
defmodule M do
  def work(x), do: exit({:done, x})
end
{pid, ref} = spawn_monitor(M, :work, [42])
receive do
  {:DOWN, r, :process, p, reason} when r == ref -> IO.inspect({p == pid, reason})  # expect: {true, {:done, 42}}
end
