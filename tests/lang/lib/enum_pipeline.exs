1..10
|> Enum.map(&(&1 * &1))
|> Enum.filter(&(rem(&1, 2) == 0))
|> Enum.reduce(0, fn x, acc -> x + acc end)
|> IO.inspect()                                           # expect: 220
