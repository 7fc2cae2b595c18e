m = %{a: 1}
try do
  m.b
rescue
  e in KeyError -> IO.puts(Exception.message(e))   # expect: key :b not found in: %{a: 1}
end
try do
  %{m | c: 2}
rescue
  e in KeyError -> IO.inspect(e.key)               # expect: :c
end
Map.fetch!(m, :z) # expect error: ** (KeyError) key :z not found in: %{a: 1}
