# Enum.map over lists, ranges (up, down, stepped, empty) and maps
IO.inspect(Enum.map([1, 2, 3], fn x -> x * 2 end))  # expect: [2, 4, 6]
IO.inspect(Enum.map([], fn x -> x * 2 end))         # expect: []
IO.inspect(Enum.map(1..4, &(&1 * &1)))              # expect: [1, 4, 9, 16]
IO.inspect(Enum.map(4..1, &(&1 * 10)))              # expect: [40, 30, 20, 10]
IO.inspect(Enum.map(Range.new(1, 10, 3), &(&1 + 0)))  # expect: [1, 4, 7, 10]
IO.inspect(Enum.map(Range.new(1, 0, 1), &(&1 + 0)))  # expect: []
IO.inspect(Enum.map(%{a: 1, b: 2}, fn {k, v} -> {v, k} end))  # expect: [{1, :a}, {2, :b}]
IO.inspect(Enum.map([1, 2], &Integer.to_string/1))  # expect: ["1", "2"]
