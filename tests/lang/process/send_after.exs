# Process.send_after/3 delivers later; cancel_timer/1 returns the time left, or false once
# the timer has fired or was cancelled.
t0 = System.monotonic_time(:millisecond)
ref = Process.send_after(self(), :tick, 30)
IO.inspect(is_reference(ref))                        # expect: true
receive do
  :tick -> IO.inspect(System.monotonic_time(:millisecond) - t0 >= 30)  # expect: true
end
IO.inspect(Process.cancel_timer(ref))                # expect: false
ref2 = Process.send_after(self(), :never, 10_000)
left = Process.cancel_timer(ref2)
IO.inspect(is_integer(left) and left > 9_000 and left <= 10_000)  # expect: true
IO.inspect(Process.cancel_timer(ref2))               # expect: false
receive do
  :never -> IO.puts("wrong")
after
  50 -> IO.puts("cancelled")                         # expect: cancelled
end
Process.register(self(), :me)
Process.send_after(:me, :by_name, 10)
receive do
  :by_name -> IO.puts("by name")                     # expect: by name
end
