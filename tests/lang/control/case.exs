classify = fn x ->
  case x do
    0 -> :zero
    n when n < 0 -> :negative
    {:ok, v} -> {:wrapped, v}
    [_ | _] -> :list
    _ -> :other
  end
end
IO.inspect(classify.(0))           # expect: :zero
IO.inspect(classify.(-2))          # expect: :negative
IO.inspect(classify.({:ok, 1}))    # expect: {:wrapped, 1}
IO.inspect(classify.([1]))         # expect: :list
IO.inspect(classify.("x"))         # expect: :other
