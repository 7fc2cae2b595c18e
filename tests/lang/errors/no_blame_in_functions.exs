defmodule NB do
  def add(x), do: x + 1
end
NB.add(:a)
# expect error: ** (ArithmeticError) bad argument in arithmetic expression
