IO.inspect(Enum.zip([1, 2, 3], [:a, :b]))           # expect: [{1, :a}, {2, :b}]
IO.inspect(Enum.zip(1..3, %{x: 1, y: 2, z: 3}))     # expect: [{1, {:x, 1}}, {2, {:y, 2}}, {3, {:z, 3}}]
IO.inspect(Enum.zip([[1, 2], [3, 4], [5, 6]]))      # expect: [{1, 3, 5}, {2, 4, 6}]
IO.inspect(Enum.zip([]))                            # expect: []
IO.inspect(Enum.unzip([{1, :a}, {2, :b}]))          # expect: {[1, 2], [:a, :b]}
IO.inspect(Enum.unzip(%{a: 1, b: 2}))               # expect: {[:a, :b], [1, 2]}
IO.inspect(Enum.zip_with([1, 2], [3, 4, 5], fn a, b -> a + b end))  # expect: [4, 6]
IO.inspect(Enum.zip_with([[1, 2], [3, 4]], fn [a, b] -> a * b end))  # expect: [3, 8]
IO.inspect(Enum.zip_reduce([1, 2], [3, 4], 0, fn a, b, acc -> a * b + acc end))  # expect: 11
IO.inspect(Enum.zip_reduce([[1, 2], [3, 4]], [], fn l, acc -> [Enum.sum(l) | acc] end))  # expect: [6, 4]
