# expect syntax error: 2:11: error: expected keyword at '2'
foo(a: 1, 2)
