l = for i <- 1..100_000, do: i
IO.inspect(length(l))                                            # expect: 100000
s = for i <- 1..1_000_000, reduce: 0 do
  acc -> acc + i
end
IO.inspect(s)                                                    # expect: 500000500000
