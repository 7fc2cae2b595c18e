IO.inspect(String.pad_leading("7", 3, "0"))         # expect: "007"
IO.inspect(String.pad_leading("7", 3))              # expect: "  7"
IO.inspect(String.pad_trailing("ab", 5, "xy"))      # expect: "abxyx"
IO.inspect(String.pad_leading("abcdef", 3))         # expect: "abcdef"
IO.inspect(String.pad_trailing("é", 3, "-"))        # expect: "é--"
IO.inspect(String.duplicate("ab", 3))               # expect: "ababab"
IO.inspect(String.duplicate("ab", 0))               # expect: ""
String.duplicate("a", -1)  # expect error: ** (ArgumentError) errors were found at the given arguments:
