x = :a
IO.puts("start")   # expect: start
1 + x # expect error: ** (ArithmeticError) bad argument in arithmetic expression: 1 + :a
