IO.puts("not printed")
x = "a" <> 1 # expect error: ** (ArgumentError) expected binary argument in <> operator but got: 1
