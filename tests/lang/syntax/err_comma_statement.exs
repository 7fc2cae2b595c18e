# expect syntax error: 2:2: error: expected operator, 'do', newline or end of input at ','
a, b
