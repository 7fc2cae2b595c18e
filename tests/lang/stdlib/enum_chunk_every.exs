IO.inspect(Enum.chunk_every([1, 2, 3, 4, 5], 2))    # expect: [[1, 2], [3, 4], [5]]
IO.inspect(Enum.chunk_every([1, 2, 3, 4], 2))       # expect: [[1, 2], [3, 4]]
IO.inspect(Enum.chunk_every([], 2))                 # expect: []
IO.inspect(Enum.chunk_every(1..5, 2, 1))            # expect: [[1, 2], [2, 3], [3, 4], [4, 5], [5]]
IO.inspect(Enum.chunk_every([1, 2, 3, 4, 5], 3, 1, :discard))  # expect: [[1, 2, 3], [2, 3, 4], [3, 4, 5]]
IO.inspect(Enum.chunk_every([1, 2, 3, 4, 5], 3, 2, [:pad]))  # expect: [[1, 2, 3], [3, 4, 5], [5, :pad]]
IO.inspect(Enum.chunk_every([1, 2, 3], 5, 1, [:x]))  # expect: [[1, 2, 3, :x]]
IO.inspect(Enum.chunk_every([1, 2, 3, 4], 2, 3))    # expect: [[1, 2], [4]]
Enum.chunk_every([1], 0)  # expect error: ** (FunctionClauseError) no function clause matching in Enum.chunk_every/4    
