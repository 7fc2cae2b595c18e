IO.inspect(Map.new())                               # expect: %{}
IO.inspect(Map.new([{:a, 1}, {:b, 2}]))             # expect: %{a: 1, b: 2}
IO.inspect(Map.new([{:a, 1}, {:a, 2}]))             # expect: %{a: 2}
IO.inspect(Map.new(1..3, fn x -> {x, x * x} end))   # expect: %{1 => 1, 2 => 4, 3 => 9}
IO.inspect(Map.new(%{x: 1}))                        # expect: %{x: 1}
IO.inspect(Map.new([a: 1], fn {k, v} -> {v, k} end))  # expect: %{1 => :a}
IO.inspect(Map.from_keys([:a, :b], 0))              # expect: %{a: 0, b: 0}
IO.inspect(Map.from_struct(1..2))                   # expect: %{first: 1, last: 2, step: 1}
IO.inspect(Map.equal?(%{a: 1}, %{a: 1}))            # expect: true
IO.inspect(Map.equal?(%{a: 1}, %{a: 1.0}))          # expect: false
