# Messages from one sender arrive in the order sent, whatever the other senders do.
defmodule Order do
  def sender(parent, id, n) do
    Enum.each(1..n, fn i -> send(parent, {id, i}) end)
  end

  # Receives `total` messages; `last` maps sender id -> last number seen.
  def check(0, last), do: last
  def check(total, last) do
    receive do
      {id, i} ->
        if i != Map.get(last, id, 0) + 1, do: IO.puts("out of order: #{id} #{i}")
        check(total - 1, Map.put(last, id, i))
    end
  end
end

senders = 8
n = 2_000
parent = self()
for id <- 1..senders, do: spawn(fn -> Order.sender(parent, id, n) end)
last = Order.check(senders * n, %{})
IO.inspect(Enum.map(1..senders, fn id -> last[id] end))  # expect: [2000, 2000, 2000, 2000, 2000, 2000, 2000, 2000]
