# expect syntax error: 2:7: error: expected operator, newline or end of input at '2'
x = 1 2
