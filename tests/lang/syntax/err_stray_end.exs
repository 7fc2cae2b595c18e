# expect syntax error: 2:1: error: expected expression, newline or end of input at 'end'
end
