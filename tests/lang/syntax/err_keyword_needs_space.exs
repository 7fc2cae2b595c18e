# expect syntax error: 2:3: error: expected operator, ',', '|', ']' or 'do' at ':'
[a:1]
