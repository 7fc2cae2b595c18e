IO.inspect(List.first([1, 2, 3]))                   # expect: 1
IO.inspect(List.first([]))                          # expect: nil
IO.inspect(List.first([], :none))                   # expect: :none
IO.inspect(List.last([1, 2, 3]))                    # expect: 3
IO.inspect(List.last([]))                           # expect: nil
IO.inspect(List.last([], :none))                    # expect: :none
List.first(:not_a_list)  # expect error: ** (FunctionClauseError) no function clause matching in List.first/2    
