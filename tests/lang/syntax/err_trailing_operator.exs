# expect syntax error: 3:1: error: expected expression at end of input
x = 1 +
