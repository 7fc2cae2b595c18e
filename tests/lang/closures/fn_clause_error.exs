defmodule W do
  def run do
    f = fn 1 -> :one end
    f.(2)
  end
end
W.run() # expect error: ** (FunctionClauseError) no function clause matching in anonymous fn/1 in W.run/0    
