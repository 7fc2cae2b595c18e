IO.inspect(Enum.chunk_by([1, 1, 2, 3, 3], fn x -> x end))  # expect: [[1, 1], [2], [3, 3]]
IO.inspect(Enum.chunk_by([1, 2, 4, 5, 7], fn x -> rem(x, 2) end))  # expect: [[1], [2, 4], [5, 7]]
IO.inspect(Enum.chunk_by([], fn x -> x end))        # expect: []
chunk = fn x, acc -> if rem(x, 2) == 0, do: {:cont, Enum.reverse([x | acc]), []}, else: {:cont, [x | acc]} end
after_fun = fn [] -> {:cont, []}; acc -> {:cont, Enum.reverse(acc), []} end
IO.inspect(Enum.chunk_while(1..7, [], chunk, after_fun))  # expect: [[1, 2], [3, 4], [5, 6], '\a']
