IO.inspect(String.contains?("hello", "ell"))        # expect: true
IO.inspect(String.contains?("hello", ["x", "lo"]))  # expect: true
IO.inspect(String.contains?("hello", "xyz"))        # expect: false
IO.inspect(String.contains?("hello", ""))           # expect: true
IO.inspect(String.starts_with?("hello", "he"))      # expect: true
IO.inspect(String.starts_with?("hello", ["x", "h"]))  # expect: true
IO.inspect(String.starts_with?("hello", ""))        # expect: true
IO.inspect(String.ends_with?("hello", "lo"))        # expect: true
IO.inspect(String.ends_with?("hello", "he"))        # expect: false
String.contains?(123, "1")  # expect error: ** (FunctionClauseError) no function clause matching in String.contains?/2    
