Tuple.to_list([1, 2])  # expect error: ** (ArgumentError) errors were found at the given arguments:
