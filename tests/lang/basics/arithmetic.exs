IO.inspect(1 + 2 * 3)        # expect: 7
IO.inspect(10 - 4 - 3)       # expect: 3
IO.inspect(7 / 2)            # expect: 3.5
IO.inspect(6 / 3)            # expect: 2.0
IO.inspect(div(7, 2))        # expect: 3
IO.inspect(rem(-7, 2))       # expect: -1
IO.inspect(div(-7, 2))       # expect: -3
IO.inspect(-5 + 2)           # expect: -3
IO.inspect(1_000_000 * 3)    # expect: 3000000
IO.inspect(2.5 * 2)          # expect: 5.0
IO.inspect(abs(-4))          # expect: 4
IO.inspect(max(3, 9))        # expect: 9
IO.inspect(min(3, 9))        # expect: 3
IO.inspect(1 + 1.5)          # expect: 2.5
