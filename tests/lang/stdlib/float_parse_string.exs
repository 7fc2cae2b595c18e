IO.inspect(Float.parse("1.5abc"))                   # expect: {1.5, "abc"}
IO.inspect(Float.parse("1"))                        # expect: {1.0, ""}
IO.inspect(Float.parse(".5"))                       # expect: :error
IO.inspect(Float.parse("1."))                       # expect: {1.0, "."}
IO.inspect(Float.parse("1e3"))                      # expect: {1000.0, ""}
IO.inspect(Float.parse("-1.5E+2x"))                 # expect: {-150.0, "x"}
IO.inspect(Float.to_string(1.0))                    # expect: "1.0"
IO.inspect(Float.to_string(0.1 + 0.2))              # expect: "0.30000000000000004"
IO.inspect(Float.to_string(1.0e20))                 # expect: "1.0e20"
IO.inspect(Float.to_string(1.0e-5))                 # expect: "1.0e-5"
IO.inspect(Float.to_charlist(1.5))                  # expect: '1.5'
Float.round(1, 1)  # expect error: ** (FunctionClauseError) no function clause matching in Float.round/2    
