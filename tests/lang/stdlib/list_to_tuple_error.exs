List.to_tuple(:nope)  # expect error: ** (ArgumentError) errors were found at the given arguments:
