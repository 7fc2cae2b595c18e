x = 1
x and true # expect error: ** (BadBooleanError) expected a boolean on left-side of "and", got: 1
