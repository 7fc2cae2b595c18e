# make_ref/0 gives a new reference each time.
a = make_ref()
b = make_ref()
IO.inspect(is_reference(a))                          # expect: true
IO.inspect(a == b)                                   # expect: false
IO.inspect(a == a)                                   # expect: true
send(self(), {:reply, b})
receive do
  {:reply, ^a} -> IO.puts("wrong ref")
  {:reply, ^b} -> IO.puts("right ref")               # expect: right ref
end
