x = 1
^x = 2  # expect error: ** (MatchError) no match of right hand side value: 2
