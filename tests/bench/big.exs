# Savina "big": 200 actors each send 5,000 pings to pseudo-random other actors, which answer
# with pongs; each reports when all its pings are answered.
defmodule Big do
  # A linear congruential generator: deterministic in ember and elixir alike.
  def next_rand(x), do: rem(x * 1_103_515_245 + 12_345, 2_147_483_648)

  def actor(id, peers, n, left, pending, seed, parent) do
    receive do
      {:peers, ps} -> go(id, ps, n, left, pending, seed, parent)
      {:ping, from} ->
        send(from, :pong)
        actor(id, peers, n, left, pending, seed, parent)
      :pong -> go(id, peers, n, left, pending - 1, seed, parent)
    end
  end

  # Sends the next ping once the previous one is answered; reports when all are.
  def go(id, peers, n, 0, 0, seed, parent) do
    send(parent, {:done, id})
    actor(id, peers, n, -1, 0, seed, parent)
  end
  def go(id, peers, n, left, 0, seed, parent) when left > 0 do
    seed = next_rand(seed)
    send(elem(peers, rem(seed, n)), {:ping, self()})
    actor(id, peers, n, left - 1, 1, seed, parent)
  end
  def go(id, peers, n, left, pending, seed, parent),
    do: actor(id, peers, n, left, pending, seed, parent)

  def spawn_all(0, _n, _pings, _parent, acc), do: acc
  def spawn_all(i, n, pings, parent, acc) do
    p = spawn(fn -> actor(i, nil, n, pings, 0, i, parent) end)
    spawn_all(i - 1, n, pings, parent, [p | acc])
  end

  def tell([], _peers), do: :ok
  def tell([p | rest], peers) do
    send(p, {:peers, peers})
    tell(rest, peers)
  end

  def collect(0, sum), do: sum
  def collect(k, sum) do
    receive do
      {:done, id} -> collect(k - 1, sum + id)
    end
  end

  def stop([]), do: :ok
  def stop([p | rest]) do
    Process.exit(p, :kill)
    stop(rest)
  end
end

n = 200
actors = Big.spawn_all(n, n, 5_000, self(), [])
Big.tell(actors, List.to_tuple(actors))
IO.puts(Big.collect(n, 0))
Big.stop(actors)
