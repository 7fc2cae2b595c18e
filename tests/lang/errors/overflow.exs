# ember-only: ember integers are 64-bit (Elixir has bignums)
big = 9_223_372_036_854_775_807
IO.inspect(big)                    # expect: 9223372036854775807
IO.inspect(big - 1 + 1)            # expect: 9223372036854775807
IO.inspect(-big - 1)               # expect: -9223372036854775808
try do
  big * 2
rescue
  e in ArithmeticError -> IO.puts("overflow: " <> e.message)   # expect: overflow: bad argument in arithmetic expression
end
big + 1 # expect error: ** (ArithmeticError) bad argument in arithmetic expression: 9223372036854775807 + 1
