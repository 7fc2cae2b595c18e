# a non-function mapper raises only when it is called
IO.inspect(Enum.map([], fn x -> x end))             # expect: []
try do
  Enum.map([1], fn a, b -> a + b end)
rescue
  _ in BadArityError -> IO.puts("bad arity")        # expect: bad arity
end
Enum.map(5, fn x -> x end)  # expect error: ** (Protocol.UndefinedError) protocol Enumerable not implemented for 5 of type Integer
