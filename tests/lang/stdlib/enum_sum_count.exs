IO.inspect(Enum.sum([1, 2, 3]))                     # expect: 6
IO.inspect(Enum.sum([1, 2.5]))                      # expect: 3.5
IO.inspect(Enum.sum([]))                            # expect: 0
IO.inspect(Enum.sum(1..1_000_000))                  # expect: 500000500000
IO.inspect(Enum.sum(Range.new(1, 10, 3)))           # expect: 22
IO.inspect(Enum.sum(10..1))                         # expect: 55
IO.inspect(Enum.product([2, 3, 4]))                 # expect: 24
IO.inspect(Enum.product([]))                        # expect: 1
IO.inspect(Enum.count([1, 2, 3]))                   # expect: 3
IO.inspect(Enum.count(%{a: 1}))                     # expect: 1
IO.inspect(Enum.count(Range.new(1, 10, 2)))         # expect: 5
IO.inspect(Enum.count(1..1_000_000_000))            # expect: 1000000000
IO.inspect(Enum.count(1..10, fn x -> rem(x, 2) == 0 end))  # expect: 5
IO.inspect(Enum.count_until(1..100, 5))             # expect: 5
IO.inspect(Enum.count_until([1, 2], 5))             # expect: 2
IO.inspect(Enum.count_until(1..100, fn x -> x > 98 end, 5))  # expect: 2
