# Enum.each calls the function for its side effects and returns :ok
result = Enum.each([1, 2], fn x -> IO.puts(x) end)
# expect: 1
# expect: 2
IO.inspect(result)                                  # expect: :ok
Enum.each(3..1, fn x -> IO.inspect(x) end)
# expect: 3
# expect: 2
# expect: 1
Enum.each(%{k: :v}, fn {k, v} -> IO.inspect({v, k}) end)  # expect: {:v, :k}
