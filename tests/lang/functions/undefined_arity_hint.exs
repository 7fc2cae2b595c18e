defmodule M do
  def g(a), do: a
  def g(a, b), do: {a, b}
end
M.g(1, 2, 3) # expect error: ** (UndefinedFunctionError) function M.g/3 is undefined or private. Did you mean:
