# expect syntax error: 3:14: error: the range step operator (//) must immediately follow the range definition operator (..), for example: 1..9//2. If you wanted to define a default argument, use (\\) instead
x = 4
IO.inspect(x // 2)
