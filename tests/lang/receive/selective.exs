send(self(), :first)
send(self(), {:second, 2})
send(self(), :third)
receive do
  {:second, v} -> IO.inspect(v)       # expect: 2
end
receive do
  m -> IO.inspect(m)                  # expect: :first
end
receive do
  m -> IO.inspect(m)                  # expect: :third
end
