IO.inspect(Enum.max([1, 3, 2]))                     # expect: 3
IO.inspect(Enum.min([1, 3, 2]))                     # expect: 1
IO.inspect(Enum.max([1, 1.0]))                      # expect: 1
IO.inspect(Enum.min([1.0, 1]))                      # expect: 1.0
IO.inspect(Enum.max([:a, 1, "b"]))                  # expect: "b"
IO.inspect(Enum.max(1..10))                         # expect: 10
IO.inspect(Enum.min(Range.new(10, 1, -4)))          # expect: 2
IO.inspect(Enum.min_max([3, 1, 2]))                 # expect: {1, 3}
IO.inspect(Enum.max(%{a: 1, b: 2}))                 # expect: {:b, 2}
IO.inspect(Enum.max([], fn -> :empty end))          # expect: :empty
IO.inspect(Enum.min([1, 3, 2], fn a, b -> a >= b end))  # expect: 3
Enum.max([])  # expect error: ** (Enum.EmptyError) empty error
