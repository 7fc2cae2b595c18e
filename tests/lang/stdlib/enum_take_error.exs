Enum.take([1, 2], :a)  # expect error: ** (FunctionClauseError) no function clause matching in Enum.take/2    
