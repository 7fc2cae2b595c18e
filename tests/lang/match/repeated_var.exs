{x, x} = {1, 1}
IO.inspect(x)                      # expect: 1
result = case {1, 2} do
  {v, v} -> :same
  {_, _} -> :different
end
IO.inspect(result)                 # expect: :different
