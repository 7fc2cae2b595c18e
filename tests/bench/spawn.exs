# spawn: start 1,000,000 short-lived processes (in batches of 1,000, so no mailbox grows large),
# each reporting back once before it exits. The parent keeps its queue off-heap: elixir's best
# case (ember's queued messages are always off-heap).
defmodule SpawnBench do
  def start(0, _parent), do: :ok
  def start(n, parent) do
    spawn(fn -> send(parent, :done) end)
    start(n - 1, parent)
  end

  def collect(0), do: :ok
  def collect(n) do
    receive do
      :done -> collect(n - 1)
    end
  end

  def batches(0, _size), do: :ok
  def batches(k, size) do
    start(size, self())
    collect(size)
    batches(k - 1, size)
  end
end

Process.flag(:message_queue_data, :off_heap)
SpawnBench.batches(1_000, 1_000)
IO.puts(1_000_000)
