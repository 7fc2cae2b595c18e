# expect syntax error: 3:1: error: expected expression or keyword at end of input
foo(1,
