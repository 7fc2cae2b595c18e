IO.inspect(Enum.empty?([]))                         # expect: true
IO.inspect(Enum.empty?([1]))                        # expect: false
IO.inspect(Enum.empty?(%{}))                        # expect: true
IO.inspect(Enum.empty?(Range.new(1, 0, 1)))         # expect: true
IO.inspect(Enum.empty?(1..0))                       # expect: false
