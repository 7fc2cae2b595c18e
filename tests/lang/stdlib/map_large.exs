# maps past 32 keys (a tree inside) keep their values; sizes and sums agree
m = Map.new(1..1000, fn i -> {i, i * i} end)
IO.inspect(map_size(m))                             # expect: 1000
IO.inspect(Map.get(m, 999))                         # expect: 998001
IO.inspect(m |> Map.values() |> Enum.sum())         # expect: 333833500
IO.inspect(m |> Map.drop(Enum.to_list(1..990)) |> Map.keys() |> Enum.sort())  # expect: [991, 992, 993, 994, 995, 996, 997, 998, 999, 1000]
