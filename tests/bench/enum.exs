1..1_000_000 |> Enum.map(fn x -> x * 2 end) |> Enum.sum() |> IO.puts()
