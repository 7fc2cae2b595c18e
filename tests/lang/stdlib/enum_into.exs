IO.inspect(Enum.into([a: 1, b: 2], %{}))            # expect: %{a: 1, b: 2}
IO.inspect(Enum.into([a: 1], %{b: 2}))              # expect: %{a: 1, b: 2}
IO.inspect(Enum.into(%{a: 1}, []))                  # expect: [a: 1]
IO.inspect(Enum.into(1..3, []))                     # expect: [1, 2, 3]
IO.inspect(Enum.into([1, 2], %{}, fn x -> {x, x * x} end))  # expect: %{1 => 1, 2 => 4}
IO.inspect(Enum.into(%{a: 1}, %{}, fn {k, v} -> {v, k} end))  # expect: %{1 => :a}
IO.inspect(Enum.into(["a", "b"], ""))               # expect: "ab"
