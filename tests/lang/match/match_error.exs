IO.puts("before")                  # expect: before
{a, b} = {1, 2, 3}                 # expect error: ** (MatchError) no match of right hand side value: {1, 2, 3}
IO.puts(a + b)
