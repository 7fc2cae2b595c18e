# equal elements keep their order with <=, :asc and :desc, and swap with strict comparisons
IO.inspect(Enum.sort([1.0, 1, 2]))                  # expect: [1.0, 1, 2]
IO.inspect(Enum.sort([1, 1.0, 2], :desc))           # expect: [2, 1, 1.0]
IO.inspect(Enum.sort([{1, :b}, {0, :x}, {1, :a}], fn {a, _}, {b, _} -> a <= b end))  # expect: [{0, :x}, {1, :b}, {1, :a}]
IO.inspect(Enum.sort([{1, :b}, {1, :a}], fn {a, _}, {b, _} -> a < b end))  # expect: [{1, :a}, {1, :b}]
IO.inspect(Enum.sort([5, 1.0, 4, 1, 3], fn a, b -> a < b end))  # expect: [1, 1.0, 3, 4, 5]
