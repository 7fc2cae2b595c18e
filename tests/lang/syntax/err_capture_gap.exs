# expect syntax error: 2:5: error: capture argument &2 cannot be defined without &1
f = &(&2)
