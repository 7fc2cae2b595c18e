try do
  Map.get(5, :a)
rescue
  e in BadMapError -> IO.puts(Exception.message(e))  # expect: expected a map, got: 5
end
Map.keys([a: 1])  # expect error: ** (BadMapError) expected a map, got: [a: 1]
