# div/2 and rem/2 are instructions, not calls: every sign, -1, integers past the small range,
# constant operands, guards (an error there fails the clause), tail position, and the errors.
defmodule DR do
  def both(a, b), do: {div(a, b), rem(a, b)}
  def tail_rem(a, b), do: rem(a, b)
  def kind(x) when rem(x, 0) == 1, do: :never
  def kind(x) when rem(x, 2) == 0, do: :even
  def kind(_), do: :odd_or_not_an_integer
end

IO.inspect(DR.both(7, 2))                   # expect: {3, 1}
IO.inspect(DR.both(-7, 2))                  # expect: {-3, -1}
IO.inspect(DR.both(7, -2))                  # expect: {-3, 1}
IO.inspect(DR.both(-7, -2))                 # expect: {3, -1}
IO.inspect(DR.both(7, -1))                  # expect: {-7, 0}
IO.inspect(DR.both(0, 5))                   # expect: {0, 0}
big = 4_611_686_018_427_387_904 + 1_000
IO.inspect(DR.both(big, 7))                 # expect: {658812288346769843, 3}
IO.inspect(DR.both(-9_223_372_036_854_775_807, 1_000_000_007))  # expect: {-9223371972, -291172003}
IO.inspect(DR.both(big, big - 1))           # expect: {1, 1}
x = 10
IO.inspect({div(x, 3), rem(x, 3), div(100, x), rem(17, x)})     # expect: {3, 1, 10, 7}
IO.inspect(DR.tail_rem(1_000_003 * 5 + 4, 1_000_003))            # expect: 4
IO.inspect(Enum.map([4, 5, :a], &DR.kind/1))  # expect: [:even, :odd_or_not_an_integer, :odd_or_not_an_integer]
for {a, b} <- [{1, 0}, {:a, 1}, {1.5, 1}] do
  try do
    DR.both(a, b)
  rescue
    e in ArithmeticError -> IO.puts("#{inspect(a)}, #{inspect(b)}: #{Exception.message(e)}")
  end
end
# expect: 1, 0: bad argument in arithmetic expression
# expect: :a, 1: bad argument in arithmetic expression
# expect: 1.5, 1: bad argument in arithmetic expression
IO.inspect(rem(-9_223_372_036_854_775_807 - 1, -1))  # expect: 0
