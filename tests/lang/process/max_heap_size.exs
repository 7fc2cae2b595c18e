# Process.flag(:max_heap_size, words) kills the process that outgrows it, and only that one.
# ember-only: elixir also logs a "maximum heap size reached" report on stdout
defmodule Grow do
  def grow(acc), do: grow([acc | acc])
end

{pid, ref} = spawn_monitor(fn ->
  Process.flag(:max_heap_size, 10_000)
  Grow.grow([1])
end)
receive do
  {:DOWN, r, :process, p, reason} when r == ref -> IO.inspect({p == pid, reason})  # expect: {true, :killed}
end
IO.inspect(Process.flag(:max_heap_size, 0))          # expect: %{error_logger: true, kill: true, size: 0}
IO.puts("main unaffected")                           # expect: main unaffected
