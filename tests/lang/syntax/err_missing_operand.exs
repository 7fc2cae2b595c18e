# expect syntax error: 2:9: error: expected expression at ')'
x = 1 + )
