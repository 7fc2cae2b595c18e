# run: parse
if foo bar do
  1
end
x = if a do 1 else 2 end
x = foo a do
  :body
end
foo(x) do
  :parens
end
Mod.run x do
  :remote
end
test "name" do
  assert 1 == 1
end
reveive do
  {:hello, msg} -> msg
  {:world, _msg} -> "won't match"
end
case f x do
  _ -> :ok
end
spawn(fn -> receive do x -> x end end)
