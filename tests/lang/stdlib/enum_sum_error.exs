# the element comes first in the blamed expression, as Elixir's fold computes it
Enum.sum([1, :a])  # expect error: ** (ArithmeticError) bad argument in arithmetic expression: :a + 1
