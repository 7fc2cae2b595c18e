# expect syntax error: 2:5: error: invalid args for &, expected one of &Mod.fun/arity, &fun/arity, or a capture containing at least one argument as &1
f = &(1 + 2)
