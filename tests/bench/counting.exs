# Savina "counting": a producer sends 1,000,000 increments to a counter actor, then asks it for
# the total.
defmodule Counting do
  def counter(n) do
    receive do
      :increment -> counter(n + 1)
      {:retrieve, from} -> send(from, {:total, n})
    end
  end

  def produce(_counter, 0), do: :ok
  def produce(counter, n) do
    send(counter, :increment)
    produce(counter, n - 1)
  end
end

counter = spawn(fn -> Counting.counter(0) end)
Counting.produce(counter, 1_000_000)
send(counter, {:retrieve, self()})
receive do
  {:total, n} -> IO.puts(n)
end
