send(self(), {:hello, 1})
receive do
  {:hello, n} -> IO.inspect(n)        # expect: 1
end
