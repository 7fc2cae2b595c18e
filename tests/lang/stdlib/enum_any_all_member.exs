IO.inspect(Enum.any?([1, 2], fn x -> x > 1 end))    # expect: true
IO.inspect(Enum.any?([], fn x -> x end))            # expect: false
IO.inspect(Enum.any?([nil, false]))                 # expect: false
IO.inspect(Enum.any?([nil, 0]))                     # expect: true
IO.inspect(Enum.any?(1..1_000_000_000, fn x -> x == 10 end))  # expect: true
IO.inspect(Enum.all?([1, 2], fn x -> x > 1 end))    # expect: false
IO.inspect(Enum.all?([], fn x -> x end))            # expect: true
IO.inspect(Enum.all?([1, true]))                    # expect: true
IO.inspect(Enum.all?([1, nil]))                     # expect: false
IO.inspect(Enum.member?([1, 2], 2))                 # expect: true
IO.inspect(Enum.member?([1, 2], 2.0))               # expect: false
IO.inspect(Enum.member?(1..10, 5))                  # expect: true
IO.inspect(Enum.member?(Range.new(1, 10, 2), 4))    # expect: false
IO.inspect(Enum.member?(%{a: 1}, {:a, 1}))          # expect: true
IO.inspect(Enum.member?(%{a: 1}, :a))               # expect: false
