IO.inspect(Enum.split([1, 2, 3], 2))                # expect: {[1, 2], [3]}
IO.inspect(Enum.split([1, 2, 3], 10))               # expect: {[1, 2, 3], []}
IO.inspect(Enum.split([1, 2, 3], -1))               # expect: {[1, 2], [3]}
IO.inspect(Enum.split([1, 2, 3], -5))               # expect: {[], [1, 2, 3]}
IO.inspect(Enum.split(1..5, 0))                     # expect: {[], [1, 2, 3, 4, 5]}
IO.inspect(Enum.split_while([1, 2, 3, 1], fn x -> x < 3 end))  # expect: {[1, 2], [3, 1]}
IO.inspect(Enum.split_while(1..3, fn _ -> true end))  # expect: {[1, 2, 3], []}
