# expect syntax error: 3:1: error: expected '"' at end of input
x = "abc
