# run: parse
case x do
  {:ok, v} when v > 0 -> v
  {:ok, _} -> 0
  _ -> nil
end
cond do
  x > 10 -> :big
  true -> :small
end
if a, do: 1, else: 2
if a do
  1
else
  2
end
if a do
  :only
end
unless a, do: 1, else: 2
unless a do
  :no
end
if(a, do: b)
