# run: parse
for x <- 1..10, do: x * 2
for i <- 1..10, do: spawn(fn -> i end)
for x <- list, y <- other, x < y, into: %{} do
  {x, y}
end
for {k, v} when is_atom(k) <- pairs, uniq: true, do: v
for x <- list, reduce: 0 do
  acc -> acc + x
end
with {:ok, a} <- fetch(:a),
     b = a + 1,
     {:ok, c} <- fetch(b) do
  c
else
  {:error, e} -> e
  _ -> nil
end
with {:ok, a} <- f(), do: a
