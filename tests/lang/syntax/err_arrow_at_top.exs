# expect syntax error: 2:10: error: expected operator, newline or end of input at '->'
{:ok, x} -> x
