# expect syntax error: 2:5: error: integer literal -9223372036854775809 does not fit in 64 bits
x = -9223372036854775809
