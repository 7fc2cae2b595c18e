# expect syntax error: 2:5: error: undefined function sigil_x/2 (there is no such import)
x = ~x(ab)
