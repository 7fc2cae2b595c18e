# Savina "fork-join creation": 200,000 actors are created one after another; each gets one
# message, does a little arithmetic, reports and exits.
defmodule FjCreate do
  def worker do
    receive do
      {x, parent} -> send(parent, {:result, rem(x * x + 7, 1_000_003)})
    end
  end

  def run(0, acc), do: acc
  def run(n, acc) do
    w = spawn(fn -> worker() end)
    send(w, {n, self()})
    receive do
      {:result, r} -> run(n - 1, rem(acc + r, 1_000_000_007))
    end
  end
end

IO.puts(FjCreate.run(200_000, 0))
