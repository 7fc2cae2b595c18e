# expect syntax error: 2:17: error: expected operator, newline or end of input at 'end'
f = fn -> 1 end end
