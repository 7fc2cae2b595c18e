# expect syntax error: 3:3: error: expected -> clauses for :do in "case"
case x do
  1
end
