# Erlang's binary_to_float needs a fraction: "1" is not a float
String.to_float("1")  # expect error: ** (ArgumentError) errors were found at the given arguments:
