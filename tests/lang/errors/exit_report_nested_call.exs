# An uncaught exit from nested calls is reported as Exception.format_exit does, one level
# of "exited in:" per call, each indented 4 more.
IO.puts("before")                  # expect: before
exit({{:timeout, {GenServer, :call, [:y, 1, 5000]}}, {GenServer, :call, [:x, :ping, 5000]}})
# expect error:     ** (EXIT) exited in: GenServer.call(:y, 1, 5000)
