# ring: 10,000 processes in a ring pass a token around 200 times (2,000,000 messages).
defmodule RingBench do
  def loop(next) do
    receive do
      {:token, 0, parent} -> send(parent, :done)
      {:token, k, parent} ->
        send(next, {:token, k - 1, parent})
        loop(next)
    end
  end

  def build(0, next), do: next
  def build(n, next), do: build(n - 1, spawn(fn -> loop(next) end))

  def first do
    receive do
      {:next, next} -> loop(next)
    end
  end
end

size = 10_000
laps = 200
first = spawn(fn -> RingBench.first() end)
last = RingBench.build(size - 1, first)
send(first, {:next, last})
send(first, {:token, size * laps, self()})
receive do
  :done -> IO.puts(size * laps)
end
