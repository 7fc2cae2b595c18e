f = fn
  {:ok, v} -> v
  :error -> :err
  n when is_integer(n) -> n * 2
end
IO.inspect(f.({:ok, :v}))   # expect: :v
IO.inspect(f.(:error))      # expect: :err
IO.inspect(f.(21))          # expect: 42
