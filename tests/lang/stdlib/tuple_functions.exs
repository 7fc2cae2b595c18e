IO.inspect(Tuple.to_list({1, 2}))                   # expect: [1, 2]
IO.inspect(Tuple.to_list({}))                       # expect: []
IO.inspect(Tuple.append({}, 1))                     # expect: {1}
IO.inspect(Tuple.append({1}, 2))                    # expect: {1, 2}
IO.inspect(Tuple.insert_at({1, 2}, 0, :x))          # expect: {:x, 1, 2}
IO.inspect(Tuple.insert_at({1, 2}, 2, :x))          # expect: {1, 2, :x}
IO.inspect(Tuple.delete_at({1, 2}, 0))              # expect: {2}
IO.inspect(Tuple.duplicate(:a, 3))                  # expect: {:a, :a, :a}
IO.inspect(Tuple.duplicate(:a, 0))                  # expect: {}
IO.inspect(Tuple.sum({1, 2.5}))                     # expect: 3.5
IO.inspect(Tuple.product({2, 3}))                   # expect: 6
Tuple.insert_at({1}, 5, :x)  # expect error: ** (ArgumentError) errors were found at the given arguments:
