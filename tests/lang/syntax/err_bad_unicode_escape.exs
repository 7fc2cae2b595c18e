# expect syntax error: 2:9: error: invalid \u escape
x = "caf\u00e"
