# expect syntax error: 2:6: error: expected expression, operator, keyword, ',', 'do', newline or end of input at 'else'
if x else 1 end
