# run: parse
x |> f()
x |> f(1, 2)
x |> Mod.fun()
x |> :erlang.abs()
x |> fun.()
x |> f
x |> Enum.sum
x |> m.field
[1, 2] |> Enum.map(&(&1 * 2)) |> Enum.sum()
list
|> Enum.map(fn x -> x end)
|> Enum.sum()
x |> case do
  1 -> :one
  _ -> :other
end
