# reduce_while stops at the first {:halt, acc}; on a huge range it never builds the list
sum_small = fn x, acc -> if x > 3, do: {:halt, acc}, else: {:cont, acc + x} end
IO.inspect(Enum.reduce_while(1..1_000_000_000, 0, sum_small))  # expect: 6
IO.inspect(Enum.reduce_while([1, 2], 0, fn x, acc -> {:cont, acc + x} end))  # expect: 3
IO.inspect(Enum.reduce_while([], :none, fn _, _ -> {:halt, :never} end))  # expect: :none
IO.inspect(Enum.reduce_while(%{a: 1, b: 2}, [], fn {k, _}, acc -> {:cont, [k | acc]} end))  # expect: [:b, :a]
