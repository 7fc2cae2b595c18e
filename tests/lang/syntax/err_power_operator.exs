# expect syntax error: 2:7: error: expected operator, newline or end of input at '**'
x = 2 ** 3
