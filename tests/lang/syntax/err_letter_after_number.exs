# expect syntax error: 2:5: error: invalid character "e" after number 1
x = 1e3
