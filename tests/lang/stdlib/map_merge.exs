IO.inspect(Map.merge(%{a: 1, b: 2}, %{b: 3, c: 4}))  # expect: %{a: 1, b: 3, c: 4}
IO.inspect(Map.merge(%{a: 1, b: 2}, %{a: 10, c: 3}, fn _k, v1, v2 -> v1 + v2 end))  # expect: %{a: 11, b: 2, c: 3}
IO.inspect(Map.merge(%{}, %{}))                     # expect: %{}
IO.inspect(Map.merge(%{a: 1}, %{a: 1.0}))           # expect: %{a: 1.0}
Map.merge(%{}, :not_a_map)  # expect error: ** (BadMapError) expected a map, got: :not_a_map
