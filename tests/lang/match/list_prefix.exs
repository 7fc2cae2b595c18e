[1, 2] ++ rest = [1, 2, 3]
IO.inspect(rest)                   # expect: [3]
