# Sending to a name nobody registered raises ArgumentError.
IO.puts("before")                                    # expect: before
send(:nobody_here, :hello)
IO.puts("not reached")
# expect error: ** (ArgumentError) errors were found at the given arguments:
