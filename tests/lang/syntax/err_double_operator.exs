# expect syntax error: 2:8: error: expected expression at '*'
x = 1 +* 2
