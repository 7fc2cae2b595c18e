# run: parse
defmodule Counter do
  def start(initial \\ 0), do: spawn(fn -> loop(initial) end)

  def increment(pid), do: send(pid, :increment)

  def get(pid) do
    send pid, {:get, self()}
    receive do
      {:count, n} -> n
    after
      1_000 -> raise "timeout"
    end
  end

  defp loop(n) do
    receive do
      :increment -> loop(n + 1)
      {:get, from} ->
        send from, {:count, n}
        loop(n)
      :stop -> :ok
      other ->
        IO.puts("unknown message: #{inspect other}")
        loop(n)
    end
  end
end

pids = for i <- 1..10, do: spawn(fn -> i * i end)
parent = self()
Enum.each(1..3, fn i ->
  spawn_link(fn -> send(parent, {:done, i, :erlang.phash2(i)}) end)
end)
results =
  for _ <- 1..3 do
    receive do
      {:done, i, hash} when is_integer(hash) -> {i, hash}
    end
  end
  |> Enum.sort()
  |> Enum.map(fn {i, _} -> i end)

Process.flag(:trap_exit, true)
pid = spawn_link(fn -> exit(:boom) end)
receive do
  {:EXIT, ^pid, reason} -> IO.inspect(reason, label: "exit")
end

try do
  :ok = Counter.get(Counter.start())
rescue
  e in [RuntimeError, ArgumentError] -> IO.puts Exception.message(e)
catch
  :exit, _ -> :exited
after
  IO.puts "cleanup"
end

with {:ok, a} <- Map.fetch(%{a: 1}, :a),
     {:ok, b} when b > 0 <- {:ok, a + 1} do
  IO.puts "sum: #{a + b}"
else
  :error -> IO.puts("missing")
  {:ok, _} -> IO.puts("negative")
end

unless Enum.empty?(pids), do: IO.puts("spawned #{length(pids)}")
cond do
  results == [1, 2, 3] -> :ok
  true -> raise ArgumentError, message: "unexpected #{inspect results}"
end
{:ok, agent} = Agent.start_link(fn -> %{} end)
Agent.update(agent, &Map.put(&1, :k, :v))
Agent.get(agent, & &1) |> Map.keys() |> IO.inspect()
task = Task.async(fn -> Enum.reduce(1..100, 0, &+/2) end)
Task.await(task, 5_000)
string = "multi
line with \"quotes\" and #{"nested #{1 + 1}"}"
