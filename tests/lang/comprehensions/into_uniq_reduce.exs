IO.inspect(for x <- [1, 2], into: %{}, do: {x, x * x})           # expect: %{1 => 1, 2 => 4}
IO.inspect(for x <- [1, 2, 1, 3, 2], uniq: true, do: x)          # expect: [1, 2, 3]
IO.inspect(for x <- 1..5, reduce: 0 do
  acc -> acc + x
end)                                                              # expect: 15
IO.inspect(for s <- ["a", "b"], into: "", do: s <> s)            # expect: "aabb"
IO.inspect(for x <- [2], into: [0], do: x)                       # expect: [0, 2]
r = for x <- [1, 2, 3], reduce: {0, 0} do
  {evens, odds} when rem(x, 2) == 0 -> {evens + 1, odds}
  {evens, odds} -> {evens, odds + 1}
end
IO.inspect(r)                                                     # expect: {1, 2}
