# expect syntax error: 2:19: error: expected operator, ',', '|' or ']' at 'end'
spawn(fn -> [1, 2 end)
