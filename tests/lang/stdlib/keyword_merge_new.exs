IO.inspect(Keyword.merge([a: 1, b: 2], [a: 3, d: 4]))  # expect: [b: 2, a: 3, d: 4]
IO.inspect(Keyword.merge([a: 1, b: 2, a: 5], [a: 3, d: 4], fn _k, v1, v2 -> v1 + v2 end))  # expect: [b: 2, a: 4, d: 4]
IO.inspect(Keyword.new())                           # expect: []
IO.inspect(Keyword.new([{:b, 1}, {:a, 2}, {:b, 3}]))  # expect: [a: 2, b: 3]
IO.inspect(Keyword.new([:x, :y], fn x -> {x, x} end))  # expect: [x: :x, y: :y]
IO.inspect(Keyword.take([a: 1, b: 2, a: 3], [:a]))  # expect: [a: 1, a: 3]
IO.inspect(Keyword.drop([a: 1, b: 2, a: 3], [:a]))  # expect: [b: 2]
IO.inspect(Keyword.split([a: 1, b: 2], [:a]))       # expect: {[a: 1], [b: 2]}
IO.inspect(Keyword.equal?([a: 1, b: 2], [b: 2, a: 1]))  # expect: true
IO.inspect(Keyword.filter([a: 1, b: 2], fn {_k, v} -> v > 1 end))  # expect: [b: 2]
IO.inspect(Keyword.validate([a: 1], [:a, b: 2]))    # expect: {:ok, [b: 2, a: 1]}
IO.inspect(Keyword.validate([c: 1], [:a]))          # expect: {:error, [:c]}
Keyword.merge([a: 1], [1])  # expect error: ** (ArgumentError) expected a keyword list as the second argument, got: [1]
