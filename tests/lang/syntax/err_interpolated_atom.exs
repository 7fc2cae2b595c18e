# expect syntax error: 2:6: error: interpolation is not supported in atoms
x = :"a#{b}"
