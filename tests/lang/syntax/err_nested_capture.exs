# expect syntax error: 2:12: error: nested captures are not allowed
f = &(&1 + &foo(&1))
