# Process.sleep/1 waits at least the given milliseconds and keeps the mailbox intact.
send(self(), :kept)
t0 = System.monotonic_time(:millisecond)
IO.inspect(Process.sleep(30))                        # expect: :ok
IO.inspect(System.monotonic_time(:millisecond) - t0 >= 30)  # expect: true
receive do
  :kept -> IO.puts("kept")                           # expect: kept
end
IO.inspect(Process.sleep(0))                         # expect: :ok
