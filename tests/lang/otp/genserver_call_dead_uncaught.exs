# An uncaught call to a name nobody holds ends the program with Elixir's exit report.
IO.puts("calling")                  # expect: calling
GenServer.call(:nobody, :ping)
IO.puts("not reached")
# expect error: ** (exit) exited in: GenServer.call(:nobody, :ping, 5000)
