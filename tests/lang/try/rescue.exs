r = try do
  raise "boom"
rescue
  e in RuntimeError -> {:rescued, e.message}
end
IO.inspect(r)                                   # expect: {:rescued, "boom"}
r = try do
  1 = 2
rescue
  e in [ArgumentError, MatchError] -> e
end
IO.inspect(r)                                   # expect: %MatchError{term: 2}
r = try do
  :ok
rescue
  _ -> :never
end
IO.inspect(r)                                   # expect: :ok
try do
  raise ArgumentError, "bad thing"
rescue
  ArgumentError -> IO.puts("arg error")        # expect: arg error
end
