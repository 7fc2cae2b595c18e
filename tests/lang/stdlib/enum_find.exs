IO.inspect(Enum.find([1, 2, 3], fn x -> x > 1 end))  # expect: 2
IO.inspect(Enum.find([1, 2, 3], fn x -> x > 5 end))  # expect: nil
IO.inspect(Enum.find([1, 2, 3], :none, fn x -> x > 5 end))  # expect: :none
IO.inspect(Enum.find(1..1_000_000_000, fn x -> x * x > 50 end))  # expect: 8
IO.inspect(Enum.find(%{a: 1, b: 2}, fn {_, v} -> v == 2 end))  # expect: {:b, 2}
IO.inspect(Enum.find_index([:a, :b, :c], fn x -> x == :c end))  # expect: 2
IO.inspect(Enum.find_index(1..3, fn x -> x > 5 end))  # expect: nil
IO.inspect(Enum.find_value([1, 2, 3], fn x -> x > 1 && x * 10 end))  # expect: 20
IO.inspect(Enum.find_value([1], fn _ -> nil end))   # expect: nil
IO.inspect(Enum.find_value([1], 0, fn _ -> false end))  # expect: 0
