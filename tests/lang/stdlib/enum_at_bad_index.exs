# the index must be an integer; at/2 goes through at/3 as in Elixir
Enum.at([1], :a)  # expect error: ** (FunctionClauseError) no function clause matching in Enum.at/3    
