IO.inspect(Integer.parse("12abc"))                  # expect: {12, "abc"}
IO.inspect(Integer.parse("-12"))                    # expect: {-12, ""}
IO.inspect(Integer.parse("+7x"))                    # expect: {7, "x"}
IO.inspect(Integer.parse("abc"))                    # expect: :error
IO.inspect(Integer.parse(" 12"))                    # expect: :error
IO.inspect(Integer.parse(""))                       # expect: :error
IO.inspect(Integer.parse("ff", 16))                 # expect: {255, ""}
IO.inspect(Integer.parse("FFz", 16))                # expect: {255, "z"}
Integer.parse("1", 37)  # expect error: ** (ArgumentError) invalid base 37
