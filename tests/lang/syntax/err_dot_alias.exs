# expect syntax error: 2:5: error: expected function name at 'Bar'
foo.Bar
