# expect syntax error: 3:3: error: unexpected -> clauses for :do in "if"
if x do
  1 -> 2
end
