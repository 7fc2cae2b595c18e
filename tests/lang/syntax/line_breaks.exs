# run: parse
if x
do
  1
end
foo(x)
do :parens end
Enum.map list,
  fn x -> x end
m.
  field
y = ? 
@ a 1
a =
  b
  |> c()
  when d
f = fn x
  -> x
end
case f do
  {:ok, v}
  # the arrow may open the next line
  -> v
end
