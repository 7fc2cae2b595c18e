x = 1
cond do
  x > 5 -> :big
end
# expect error: ** (CondClauseError) no cond clause evaluated to a truthy value
