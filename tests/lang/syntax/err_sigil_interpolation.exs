# expect syntax error: 3:10: error: interpolation in sigils is not supported
y = 1
x = ~w(a #{y})
