# An exit reason {exception, stacktrace} is reported as the exception that was raised; a raw
# Erlang error reason is shown as its exception.
exit({{:badarith, [{M, :f, 1, []}]}, {GenServer, :call, [:x, :ping, 5000]}})
# expect error:         ** (ArithmeticError) bad argument in arithmetic expression
