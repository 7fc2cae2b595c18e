IO.inspect(Enum.filter(1..10, fn x -> rem(x, 3) == 0 end))  # expect: [3, 6, 9]
IO.inspect(Enum.reject(1..10, fn x -> rem(x, 3) == 0 end))  # expect: [1, 2, 4, 5, 7, 8, 10]
IO.inspect(Enum.filter([1, nil, false, 2], fn x -> x end))  # expect: [1, 2]
IO.inspect(Enum.filter(%{a: 1, b: 2}, fn {_, v} -> v > 1 end))  # expect: [b: 2]
IO.inspect(Enum.reject([], fn _ -> true end))       # expect: []
IO.inspect(Enum.split_with([5, 4, 3, 2, 1], fn x -> x > 2 end))  # expect: {[5, 4, 3], [2, 1]}
