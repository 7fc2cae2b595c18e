f = fn x ->
  cond do
    x > 10 -> :big
    x > 5 -> :medium
    true -> :small
  end
end
IO.inspect(f.(11))   # expect: :big
IO.inspect(f.(6))    # expect: :medium
IO.inspect(f.(1))    # expect: :small
cond do
  nil -> :no
  1 + 1 -> IO.puts("truthy")   # expect: truthy
end
