# Savina "thread ring": 503 actors in a ring pass a token 2,000,000 times; the actor holding it
# when the count reaches zero reports its number.
defmodule ThreadRing do
  def member(id, next) do
    receive do
      {:next, n} -> member(id, n)
      {:token, 0, parent} -> send(parent, {:done, id})
      {:token, k, parent} ->
        send(next, {:token, k - 1, parent})
        member(id, next)
    end
  end

  def spawn_members(0, acc), do: acc
  def spawn_members(i, acc), do: spawn_members(i - 1, [spawn(fn -> member(i, nil) end) | acc])

  def connect([last], first), do: send(last, {:next, first})
  def connect([a, b | rest], first) do
    send(a, {:next, b})
    connect([b | rest], first)
  end
end

members = ThreadRing.spawn_members(503, [])
[first | _] = members
ThreadRing.connect(members, first)
send(first, {:token, 2_000_000, self()})
receive do
  {:done, id} -> IO.puts(id)
end
