defmodule FC do
  def f(1), do: :one
  def f(2), do: :two
end
IO.inspect(FC.f(2))   # expect: :two
FC.f(3) # expect error: ** (FunctionClauseError) no function clause matching in FC.f/1    
