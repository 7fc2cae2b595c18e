IO.inspect(Range.new(1, 10))                        # expect: 1..10
IO.inspect(Range.new(3, 1))                         # expect: 3..1//-1
IO.inspect(Range.new(1, 10, 3))                     # expect: 1..10//3
IO.inspect(Range.size(Range.new(1, 10, 3)))         # expect: 4
IO.inspect(Range.size(Range.new(1, 0, 1)))          # expect: 0
IO.inspect(Range.disjoint?(1..5, 6..9))             # expect: true
IO.inspect(Range.disjoint?(1..5, 5..9))             # expect: false
IO.inspect(Range.disjoint?(Range.new(1, 9, 2), Range.new(2, 10, 2)))  # expect: true
IO.inspect(Range.shift(1..3, 2))                    # expect: 3..5
IO.inspect(%Range{first: 1, last: 2, step: 1})      # expect: 1..2
IO.inspect(Map.from_struct(1..3))                   # expect: %{first: 1, last: 3, step: 1}
r = 2..8
IO.inspect({r.first, r.last, r.step})               # expect: {2, 8, 1}
Range.new(1, 2, 0)  # expect error: ** (ArgumentError) ranges (first..last//step) expect both sides to be integers and the step to be a non-zero integer, got: 1..2//0
