r = try do
  {:ok, 5}
rescue
  _ -> :error
else
  {:ok, v} -> v * 2
  _ -> :other
end
IO.inspect(r)     # expect: 10
