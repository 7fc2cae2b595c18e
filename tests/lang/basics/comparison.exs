IO.inspect(1 == 1.0)         # expect: true
IO.inspect(1 === 1.0)        # expect: false
IO.inspect(1 != 2)           # expect: true
IO.inspect(1 !== 1.0)        # expect: true
IO.inspect(1 < :a)           # expect: true
IO.inspect(:a < "a")         # expect: true
IO.inspect({1, 2} < [1])     # expect: true
IO.inspect([1, 2] <= [1, 2]) # expect: true
IO.inspect("b" > "a")        # expect: true
IO.inspect(%{} > {1, 2, 3})  # expect: true
