IO.inspect([1, 2] ++ [3])          # expect: [1, 2, 3]
IO.inspect([1, 2, 3, 2] -- [2])    # expect: [1, 3, 2]
IO.inspect(hd([1, 2]))             # expect: 1
IO.inspect(tl([1, 2]))             # expect: [2]
IO.inspect(length([1, 2, 3]))      # expect: 3
IO.inspect(2 in [1, 2, 3])         # expect: true
IO.inspect(5 in 1..3)              # expect: false
IO.inspect(4 not in [1])           # expect: true
IO.inspect([h | t] = [1, 2, 3])    # expect: [1, 2, 3]
IO.inspect({h, t})                 # expect: {1, [2, 3]}
