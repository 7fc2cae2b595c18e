# expect syntax error: 3:3: error: unexpected expression before the first '->' clause
case x do
  y
  1 -> 2
end
