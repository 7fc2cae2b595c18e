# Savina "chameneos": 40 creatures ask a mall for meetings; the mall pairs them 400,000 times,
# each pair swaps colours; then every creature is stopped and reports its meetings (the sum is
# twice the meetings).
defmodule Chameneos do
  def complement(c, c), do: c
  def complement(:blue, :red), do: :yellow
  def complement(:blue, :yellow), do: :red
  def complement(:red, :blue), do: :yellow
  def complement(:red, :yellow), do: :blue
  def complement(:yellow, :blue), do: :red
  def complement(:yellow, :red), do: :blue

  def creature(colour, mall, met, parent) do
    send(mall, {:meet, self(), colour})
    receive do
      {:mate, other} -> creature(complement(colour, other), mall, met + 1, parent)
      :stop -> send(parent, {:met, met})
    end
  end

  # `left` meetings still to arrange; `waiting` is a creature waiting for a partner, or nil.
  def mall(0, waiting, stopped, creatures) do
    stopped = if waiting == nil, do: stopped, else: stop_one(elem(waiting, 0), stopped)
    mall_drain(stopped, creatures)
  end
  def mall(left, nil, stopped, creatures) do
    receive do
      {:meet, pid, colour} -> mall(left, {pid, colour}, stopped, creatures)
    end
  end
  def mall(left, {wpid, wcolour}, stopped, creatures) do
    receive do
      {:meet, pid, colour} ->
        send(wpid, {:mate, colour})
        send(pid, {:mate, wcolour})
        mall(left - 1, nil, stopped, creatures)
    end
  end

  def stop_one(pid, stopped) do
    send(pid, :stop)
    stopped + 1
  end

  def mall_drain(creatures, creatures), do: :ok
  def mall_drain(stopped, creatures) do
    receive do
      {:meet, pid, _} -> mall_drain(stop_one(pid, stopped), creatures)
    end
  end

  def colour(i) do
    case rem(i, 3) do
      0 -> :blue
      1 -> :red
      2 -> :yellow
    end
  end

  def start(0, _mall, _parent), do: :ok
  def start(i, mall, parent) do
    spawn(fn -> creature(colour(i), mall, 0, parent) end)
    start(i - 1, mall, parent)
  end

  def collect(0, sum), do: sum
  def collect(n, sum) do
    receive do
      {:met, m} -> collect(n - 1, sum + m)
    end
  end
end

creatures = 40
mall = spawn(fn -> Chameneos.mall(400_000, nil, 0, creatures) end)
Chameneos.start(creatures, mall, self())
IO.puts(Chameneos.collect(creatures, 0))
