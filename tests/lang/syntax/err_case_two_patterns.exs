# expect syntax error: 3:3: error: wrong number of patterns in a -> clause of "case"
case x do
  1, 2 -> :a
end
