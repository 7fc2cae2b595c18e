with {:ok, x} <- {:error, 1} do
  x
else
  {:error, 2} -> :two
end
# expect error: ** (WithClauseError) no with clause matching: {:error, 1}
