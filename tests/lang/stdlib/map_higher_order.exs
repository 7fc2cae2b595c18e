m = %{a: 1, b: 2, c: 3}
IO.inspect(Map.filter(m, fn {_k, v} -> v > 1 end))  # expect: %{b: 2, c: 3}
IO.inspect(Map.reject(m, fn {_k, v} -> v > 1 end))  # expect: %{a: 1}
IO.inspect(Map.get_and_update(m, :a, fn v -> {v, v * 10} end))  # expect: {1, %{a: 10, b: 2, c: 3}}
IO.inspect(Map.get_and_update(m, :z, fn v -> {v, 0} end))  # expect: {nil, %{a: 1, b: 2, c: 3, z: 0}}
IO.inspect(Map.get_and_update(m, :a, fn _ -> :pop end))  # expect: {1, %{b: 2, c: 3}}
IO.inspect(Map.get_and_update!(m, :c, fn v -> {v, v + 1} end))  # expect: {3, %{a: 1, b: 2, c: 4}}
IO.inspect(Enum.map(m, fn {k, v} -> {k, v * 2} end) |> Map.new())  # expect: %{a: 2, b: 4, c: 6}
Map.get_and_update(m, :a, fn _ -> :bad end)  # expect error: ** (RuntimeError) the given function must return a two-element tuple or :pop, got: :bad
