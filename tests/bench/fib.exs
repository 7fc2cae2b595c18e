# fib(30) by naive recursion: calls, small-integer arithmetic, guards.
defmodule Fib do
  def fib(n) when n < 2, do: n
  def fib(n), do: fib(n - 1) + fib(n - 2)
end
IO.puts(Fib.fib(30))
