m = %{a: 1, b: 2}
IO.inspect(Map.put(m, :c, 3))                       # expect: %{a: 1, b: 2, c: 3}
IO.inspect(Map.put(m, :a, 10))                      # expect: %{a: 10, b: 2}
IO.inspect(Map.put_new(m, :a, 10))                  # expect: %{a: 1, b: 2}
IO.inspect(Map.put_new(m, :c, 10))                  # expect: %{a: 1, b: 2, c: 10}
IO.inspect(Map.put_new_lazy(m, :c, fn -> 5 end))    # expect: %{a: 1, b: 2, c: 5}
IO.inspect(Map.update(m, :a, 0, fn v -> v + 1 end))  # expect: %{a: 2, b: 2}
IO.inspect(Map.update(m, :z, 0, fn v -> v + 1 end))  # expect: %{a: 1, b: 2, z: 0}
IO.inspect(Map.update!(m, :b, fn v -> v * 100 end))  # expect: %{a: 1, b: 200}
IO.inspect(Map.replace(m, :a, 9))                   # expect: %{a: 9, b: 2}
IO.inspect(Map.replace(m, :z, 9))                   # expect: %{a: 1, b: 2}
IO.inspect(Map.replace!(m, :a, 9))                  # expect: %{a: 9, b: 2}
IO.inspect(Map.replace_lazy(m, :a, fn v -> v - 1 end))  # expect: %{a: 0, b: 2}
IO.inspect(Map.delete(m, :a))                       # expect: %{b: 2}
IO.inspect(Map.delete(m, :zz))                      # expect: %{a: 1, b: 2}
Map.update!(m, :c, fn v -> v end)  # expect error: ** (KeyError) key :c not found in: %{a: 1, b: 2}
