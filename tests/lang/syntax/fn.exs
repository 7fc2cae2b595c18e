# run: parse
fn -> :ok end
fn x -> x * 2 end
fn x, y -> x + y end
fn
  0 -> :zero
  n when n > 0 and is_integer(n) -> :pos
  _ ->
    IO.puts "neg"
    :neg
end
fn {:ok, v} -> v; {:error, _} = e -> e end
fn(a, b) -> a end
(fn x -> x end).(1)
fn -> end
