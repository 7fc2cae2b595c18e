# expect syntax error: 2:5: error: capture argument &1 must be used within the capture operator &
x = &1 + 1
