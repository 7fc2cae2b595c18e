sign = fn
  n when n > 0 -> :pos
  n when n < 0 -> :neg
  _ -> :zero
end
IO.inspect(Enum.map([3, -1, 0], sign))     # expect: [:pos, :neg, :zero]
r = case {:ok, 5} do
  {:ok, n} when n > 10 or n < 0 -> :out
  {:ok, n} when n >= 0 and n <= 10 -> :in
end
IO.inspect(r)                              # expect: :in
IO.inspect(1.0 < 2)                        # expect: true
