case 3 do
  1 -> :one
  2 -> :two
end
# expect error: ** (CaseClauseError) no case clause matching: 3
