m = %{a: 1}
IO.inspect(Map.get(m, :b, 0))              # expect: 0
IO.inspect(Map.fetch(m, :a))               # expect: {:ok, 1}
IO.inspect(Map.fetch(m, :b))               # expect: :error
IO.inspect(Map.keys(%{b: 2, a: 1}))        # expect: [:a, :b]
IO.inspect(Map.delete(m, :a))              # expect: %{}
IO.inspect(Map.merge(m, %{c: 3}))          # expect: %{a: 1, c: 3}
IO.inspect(Map.has_key?(m, :a))            # expect: true
kw = [x: 1, y: 2]
IO.inspect(kw[:y])                         # expect: 2
