# pingpong: two processes bounce a counter 2,000,000 times (1,000,000 round trips).
defmodule PingPong do
  def player do
    receive do
      {0, _other, parent} -> send(parent, :done)
      {n, other, parent} ->
        send(other, {n - 1, self(), parent})
        player()
    end
  end
end

n = 2_000_000
a = spawn(fn -> PingPong.player() end)
b = spawn(fn -> PingPong.player() end)
send(a, {n, b, self()})
receive do
  :done -> IO.puts(n)
end
