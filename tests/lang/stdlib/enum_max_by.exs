words = ["aaa", "b", "cc", "ddd"]
IO.inspect(Enum.max_by(words, &String.length/1))    # expect: "aaa"
IO.inspect(Enum.min_by(words, &String.length/1))    # expect: "b"
IO.inspect(Enum.max_by([{1, :a}, {1, :b}], fn {n, _} -> n end))  # expect: {1, :a}
IO.inspect(Enum.min_by([3, 1], fn x -> x end, fn a, b -> a >= b end))  # expect: 3
IO.inspect(Enum.max_by([], fn x -> x end, fn -> :empty end))  # expect: :empty
IO.inspect(Enum.min_max_by(words, &String.length/1))  # expect: {"b", "aaa"}
Enum.min_by([], fn x -> x end)  # expect error: ** (Enum.EmptyError) empty error
