try do
  1
rescue
  _ -> 2
else
  3 -> 3
end
# expect error: ** (TryClauseError) no try clause matching: 1
