z = 0
try do
  div(10, z)
rescue
  e in ArithmeticError -> IO.puts(e.message)   # expect: bad argument in arithmetic expression
end
10 / z # expect error: ** (ArithmeticError) bad argument in arithmetic expression: 10 / 0
