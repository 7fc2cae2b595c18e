m = %{a: 1, b: 2}
IO.inspect(Map.get(m, :a))                          # expect: 1
IO.inspect(Map.get(m, :z))                          # expect: nil
IO.inspect(Map.get(m, :z, 0))                       # expect: 0
IO.inspect(Map.fetch(m, :a))                        # expect: {:ok, 1}
IO.inspect(Map.fetch(m, :z))                        # expect: :error
IO.inspect(Map.fetch!(m, :b))                       # expect: 2
IO.inspect(Map.has_key?(m, :a))                     # expect: true
IO.inspect(Map.has_key?(m, :z))                     # expect: false
IO.inspect(Map.keys(m))                             # expect: [:a, :b]
IO.inspect(Map.values(m))                           # expect: [1, 2]
IO.inspect(Map.to_list(m))                          # expect: [a: 1, b: 2]
IO.inspect(Map.get(%{1 => :int}, 1.0))              # expect: nil
IO.inspect(Map.get_lazy(m, :z, fn -> :computed end))  # expect: :computed
Map.fetch!(%{}, :a)  # expect error: ** (KeyError) key :a not found in: %{}
