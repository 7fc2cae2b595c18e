# expect syntax error: 2:8: error: expected -> clauses in fn
f = fn x end
