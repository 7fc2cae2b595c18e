IO.inspect(Enum.map([1, 2, 3], fn x -> x * 2 end))         # expect: [2, 4, 6]
IO.inspect(Enum.reduce(1..4, 0, &(&1 + &2)))              # expect: 10
IO.inspect(Enum.filter(1..10, &(rem(&1, 3) == 0)))        # expect: [3, 6, 9]
IO.inspect(Enum.with_index([:a, :b]))                     # expect: [a: 0, b: 1]
IO.inspect(Enum.sort([3, 1, 2]))                          # expect: [1, 2, 3]
IO.inspect(Enum.join(["a", "b"], ", "))                   # expect: "a, b"
IO.inspect(Enum.sum([1, 2.5]))                            # expect: 3.5
IO.inspect(Enum.count(%{a: 1, b: 2}))                     # expect: 2
IO.inspect(Enum.reverse(1..3))                            # expect: [3, 2, 1]
IO.inspect(Enum.any?([1, 2], &(&1 > 1)))                  # expect: true
IO.inspect(Enum.all?([1, 2], &(&1 > 1)))                  # expect: false
IO.inspect(Enum.member?([1, 2], 2))                       # expect: true
IO.inspect(Enum.map(%{a: 1}, fn {k, v} -> {v, k} end))    # expect: [{1, :a}]
Enum.each([1, 2], &IO.inspect/1)
# expect: 1
# expect: 2
