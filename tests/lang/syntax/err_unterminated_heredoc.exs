# expect syntax error: 4:1: error: expected '"""' at end of input
x = """
abc
