IO.inspect(Enum.reduce([1, 2, 3], 0, fn x, acc -> x + acc end))  # expect: 6
IO.inspect(Enum.reduce(1..100, 0, fn x, acc -> x + acc end))  # expect: 5050
IO.inspect(Enum.reduce(Range.new(10, 1, -3), [], fn x, acc -> [x | acc] end))  # expect: [1, 4, 7, 10]
IO.inspect(Enum.reduce([1, 2, 3], fn x, acc -> x * acc end))  # expect: 6
IO.inspect(Enum.reduce(%{a: 1, b: 2}, 0, fn {_k, v}, acc -> v + acc end))  # expect: 3
IO.inspect(Enum.reduce([], :empty, fn x, acc -> [x | acc] end))  # expect: :empty
IO.inspect(Enum.reduce(["a", "b"], fn x, acc -> acc <> x end))  # expect: "ab"
