x = %{a: 1}
try do
  "#{x}"
rescue
  e in Protocol.UndefinedError -> IO.puts(Exception.message(e))  # expect: protocol String.Chars not implemented for %{a: 1} of type Map
end
for y <- 5, do: y # expect error: ** (Protocol.UndefinedError) protocol Enumerable not implemented for 5 of type Integer
