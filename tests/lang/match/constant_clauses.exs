# Function clauses with a constant of every kind, called with values of every kind: an
# immediate constant ([], 0, :a) never matches a boxed or list value, and boxed constants
# (a string, a float, an integer too big to be immediate, a tuple, a list) still match equal values only.
defmodule Kind do
  def of([]), do: :empty
  def of(0), do: :zero
  def of(:a), do: :atom_a
  def of("str"), do: :string
  def of(1.5), do: :float
  def of(4_611_686_018_427_387_905), do: :big
  def of({1, 2}), do: :pair
  def of([1, 2]), do: :list12
  def of(_), do: :other
end

values = [[], 0, :a, "str", 1.5, 4_611_686_018_427_387_905, {1, 2}, [1, 2],
          [1], [[]], 0.0, 1, "s", "", {1}, {}, 4_611_686_018_427_387_906, 1.0, :b,
          %{a: 1}, [1, 2, 3], {1, 2, 3}, -0.0]
for v <- values, do: IO.inspect({v, Kind.of(v)})

# expect: {[], :empty}
# expect: {0, :zero}
# expect: {:a, :atom_a}
# expect: {"str", :string}
# expect: {1.5, :float}
# expect: {4611686018427387905, :big}
# expect: {{1, 2}, :pair}
# expect: {[1, 2], :list12}
# expect: {[1], :other}
# expect: {[[]], :other}
# expect: {0.0, :other}
# expect: {1, :other}
# expect: {"s", :other}
# expect: {"", :other}
# expect: {{1}, :other}
# expect: {{}, :other}
# expect: {4611686018427387906, :other}
# expect: {1.0, :other}
# expect: {:b, :other}
# expect: {%{a: 1}, :other}
# expect: {[1, 2, 3], :other}
# expect: {{1, 2, 3}, :other}
# expect: {-0.0, :other}
