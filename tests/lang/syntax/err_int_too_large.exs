# expect syntax error: 2:5: error: integer literal 99999999999999999999 does not fit in 64 bits
x = 99999999999999999999
