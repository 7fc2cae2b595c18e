defmodule Drain do
  def all(acc) do
    receive do
      n when is_integer(n) and n > 0 -> all([n | acc])
    after
      0 -> Enum.reverse(acc)
    end
  end
end
for i <- [3, -1, 2, 5], do: send(self(), i)
IO.inspect(Drain.all([]))              # expect: [3, 2, 5]
receive do
  x -> IO.inspect(x)                   # expect: -1
end
