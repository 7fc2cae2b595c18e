# ranges are enumerable in both directions and with steps
IO.inspect(Enum.to_list(Range.new(1, 10, 4)))       # expect: [1, 5, 9]
IO.inspect(Enum.to_list(Range.new(10, 1, -4)))      # expect: [10, 6, 2]
IO.inspect(Enum.to_list(Range.new(1, 10, -1)))      # expect: []
IO.inspect(Enum.map(3..1, fn x -> x end))           # expect: [3, 2, 1]
IO.inspect(Enum.count(Range.new(0, 100, 10)))       # expect: 11
IO.inspect(Enum.member?(Range.new(0, 100, 10), 50))  # expect: true
IO.inspect(Enum.member?(Range.new(0, 100, 10), 55))  # expect: false
IO.inspect(5 in 1..10)                              # expect: true
IO.inspect(for x <- Range.new(1, 9, 4), do: x)      # expect: [1, 5, 9]
IO.inspect(Enum.reduce(Range.new(-3, 3, 3), [], fn x, acc -> [x | acc] end))  # expect: [3, 0, -3]
