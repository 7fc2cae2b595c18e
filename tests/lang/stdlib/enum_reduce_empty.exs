# reduce/2 needs a first element
IO.inspect(Enum.reduce([7], fn x, acc -> x + acc end))  # expect: 7
Enum.reduce([], fn x, acc -> x + acc end)  # expect error: ** (Enum.EmptyError) empty error
