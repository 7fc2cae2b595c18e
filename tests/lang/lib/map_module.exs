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
IO.inspect(Keyword.get([a: 1], :a))        # expect: 1
IO.inspect(Keyword.put([a: 1, b: 2], :a, 3))   # expect: [a: 3, b: 2]
