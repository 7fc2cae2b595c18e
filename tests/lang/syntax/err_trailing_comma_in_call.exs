# expect syntax error: 2:7: error: expected expression or keyword at ')'
foo(1,)
