# expect syntax error: 2:5: error: invalid number literal 1__000
x = 1__000
