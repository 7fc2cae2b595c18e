f = fn x -> x end
IO.inspect(f.(1))           # expect: 1
try do
  f.(1, 2)
rescue
  e in BadArityError -> IO.puts("bad arity: #{length(e.args)} args")   # expect: bad arity: 2 args
end
x = 5
x.() # expect error: ** (BadFunctionError) expected a function, got: 5
