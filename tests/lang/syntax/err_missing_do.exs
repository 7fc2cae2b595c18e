# expect syntax error: 2:10: error: expected operator, ',', 'do', newline or end of input at 'x'
def f(x) x
end
