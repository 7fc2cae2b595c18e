IO.inspect(Enum.flat_map([1, 2], fn x -> [x, x] end))  # expect: [1, 1, 2, 2]
IO.inspect(Enum.flat_map([1, 2, 3], fn x -> 1..x end))  # expect: [1, 1, 2, 1, 2, 3]
IO.inspect(Enum.flat_map([], fn x -> [x] end))      # expect: []
IO.inspect(Enum.flat_map(%{a: 1}, fn {k, v} -> [k, v] end))  # expect: [:a, 1]
halt = fn x, acc -> if x > 2, do: {:halt, acc}, else: {[x, x], acc + x} end
IO.inspect(Enum.flat_map_reduce([1, 2, 3], 0, halt))  # expect: {[1, 1, 2, 2], 3}
IO.inspect(Enum.map_reduce([1, 2, 3], 0, fn x, acc -> {x * 2, x + acc} end))  # expect: {[2, 4, 6], 6}
