defmodule A do
  def add(a, b), do: a + b
end
IO.inspect(apply(A, :add, [1, 2]))        # expect: 3
IO.inspect(apply(fn x -> x * 2 end, [4]))  # expect: 8
m = A
IO.inspect(m.add(5, 5))                    # expect: 10
IO.inspect(apply(&A.add/2, [2, 2]))        # expect: 4
