# idle: 200,000 processes parked in receive at once (memory per parked process), then woken
# one by one and stopped. The argument overrides the count: scripts/bench.sh runs it with 0 too,
# and (peak RSS - peak RSS with 0) / 200,000 is the memory per parked process.
defmodule IdleBench do
  def sleeper(parent) do
    receive do
      :stop -> send(parent, :stopped)
    end
  end

  def start(0, _parent, acc), do: acc
  def start(n, parent, acc), do: start(n - 1, parent, [spawn(fn -> sleeper(parent) end) | acc])

  def stop([]), do: :ok
  def stop([p | rest]) do
    send(p, :stop)
    stop(rest)
  end

  def collect(0), do: :ok
  def collect(n) do
    receive do
      :stopped -> collect(n - 1)
    end
  end
end

n =
  case System.argv() do
    [arg] -> String.to_integer(arg)
    [] -> 200_000
  end

pids = IdleBench.start(n, self(), [])
IdleBench.stop(pids)
IdleBench.collect(n)
IO.puts(n)
