# Savina "fork-join throughput": 60 worker actors each get 20,000 messages from one sender and
# do a little arithmetic per message; each reports its sum when told to stop.
defmodule FjThroughput do
  def worker(acc) do
    receive do
      {:work, x} -> worker(rem(acc + x * x, 1_000_003))
      {:stop, parent} -> send(parent, {:sum, acc})
    end
  end

  def spawn_workers(0, acc), do: acc
  def spawn_workers(n, acc), do: spawn_workers(n - 1, [spawn(fn -> worker(0) end) | acc])

  def send_round([], _x), do: :ok
  def send_round([w | rest], x) do
    send(w, {:work, x})
    send_round(rest, x)
  end

  def rounds(_workers, 0), do: :ok
  def rounds(workers, m) do
    send_round(workers, m)
    rounds(workers, m - 1)
  end

  def stop([], _parent), do: :ok
  def stop([w | rest], parent) do
    send(w, {:stop, parent})
    stop(rest, parent)
  end

  def collect(0, total), do: total
  def collect(n, total) do
    receive do
      {:sum, s} -> collect(n - 1, total + s)
    end
  end
end

workers = FjThroughput.spawn_workers(60, [])
FjThroughput.rounds(workers, 20_000)
FjThroughput.stop(workers, self())
IO.puts(FjThroughput.collect(60, 0))
