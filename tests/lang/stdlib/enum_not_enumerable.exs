try do
  Enum.count(:atom)
rescue
  e in Protocol.UndefinedError -> IO.puts(Exception.message(e))  # expect: protocol Enumerable not implemented for :atom of type Atom
end
try do
  Enum.sum({1, 2})
rescue
  e in Protocol.UndefinedError -> IO.puts(Exception.message(e))  # expect: protocol Enumerable not implemented for {1, 2} of type Tuple
end
Enum.map(5, fn x -> x end)  # expect error: ** (Protocol.UndefinedError) protocol Enumerable not implemented for 5 of type Integer
