x = 1
case 2 do
  y -> x = y + 10
end
IO.inspect(x)               # expect: 1
if true do
  x = 100
end
IO.inspect(x)               # expect: 1
f = fn -> x = 50; x end
IO.inspect(f.())            # expect: 50
IO.inspect(x)               # expect: 1
