# expect syntax error: 2:12: error: expected operator, newline or end of input at '::'
@spec f(x) :: x
