IO.puts("never")
^zz = 1 # expect error: ** (CompileError) tests/lang/match/undefined_pin.exs:2: undefined variable ^zz. No variable "zz" has been defined before the current pattern
