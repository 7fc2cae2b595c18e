1..1_000
|> Enum.map(fn x -> x * 2 end)
|> Enum.filter(fn x -> rem(x, 3) == 0 end)
|> Enum.chunk_every(10)
|> Enum.map(&Enum.sum/1)
|> Enum.take(3)
|> IO.inspect()                                     # expect: [330, 930, 1530]
