# skynet: a tree of 1,111,111 processes, 10 children each, 1,000,000 leaves; each node sums its
# children's numbers (github.com/atemerev/skynet). Up to ~1.1M live processes: BEAM's default
# limit (262,144) is raised for elixir.
# elixir-flags: --erl "+P 2000000"
defmodule Skynet do
  def skynet(parent, num, 1, _div), do: send(parent, num)
  def skynet(parent, num, size, div) do
    me = self()
    child_size = div(size, div)
    start(me, num, child_size, div, 0)
    send(parent, collect(div, 0))
  end

  def start(_me, _num, _size, div, div), do: :ok
  def start(me, num, size, div, i) do
    spawn(fn -> skynet(me, num + i * size, size, div) end)
    start(me, num, size, div, i + 1)
  end

  def collect(0, sum), do: sum
  def collect(n, sum) do
    receive do
      x -> collect(n - 1, sum + x)
    end
  end
end

me = self()
spawn(fn -> Skynet.skynet(me, 0, 1_000_000, 10) end)
receive do
  sum -> IO.puts(sum)
end
