IO.inspect(List.foldl([1, 2, 3], [], fn x, acc -> [x | acc] end))  # expect: [3, 2, 1]
IO.inspect(List.foldr([1, 2, 3], [], fn x, acc -> [x | acc] end))  # expect: [1, 2, 3]
IO.inspect(List.foldl([], :acc, fn x, acc -> [x | acc] end))  # expect: :acc
IO.inspect(List.foldl(["a", "b"], "", fn x, acc -> acc <> x end))  # expect: "ab"
IO.inspect(List.foldr(["a", "b"], "", fn x, acc -> acc <> x end))  # expect: "ba"
