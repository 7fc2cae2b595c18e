r = try do
  :body
after
  IO.puts("after 1")                   # expect: after 1
end
IO.inspect(r)                          # expect: :body
try do
  try do
    raise "inner"
  after
    IO.puts("after 2")                 # expect: after 2
  end
rescue
  e -> IO.puts("outer got " <> e.message)   # expect: outer got inner
end
