IO.inspect(for x when x > 1 <- [1, 2, 3], do: x)                 # expect: [2, 3]
IO.inspect(for x <- 1..10, x > 3, x < 6, do: x)                  # expect: [4, 5]
n = 2
IO.inspect(for x <- [1, 2, 3], x != n, do: x * n)                # expect: [2, 6]
IO.inspect(for x <- [1, 2], y <- 1..x, do: {x, y})               # expect: [{1, 1}, {2, 1}, {2, 2}]
