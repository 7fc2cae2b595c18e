fetch = fn
  :a -> {:ok, 1}
  :b -> {:ok, 2}
  _ -> {:error, :missing}
end
r = with {:ok, x} <- fetch.(:a),
         {:ok, y} <- fetch.(:b),
         sum = x + y do
  sum * 10
end
IO.inspect(r)                                   # expect: 30
r2 = with {:ok, x} <- fetch.(:a), {:ok, _} <- fetch.(:z), do: x
IO.inspect(r2)                                  # expect: {:error, :missing}
r3 = with {:ok, _} <- fetch.(:z) do
  :never
else
  {:error, reason} -> {:handled, reason}
end
IO.inspect(r3)                                  # expect: {:handled, :missing}
r4 = with {:ok, n} when n > 5 <- fetch.(:a) do
  n
else
  _ -> :guard_failed
end
IO.inspect(r4)                                  # expect: :guard_failed
