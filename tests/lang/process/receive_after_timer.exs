# A receive timeout fires after (at least) its time; messages that do not match stay queued.
send(self(), :unrelated)
t0 = System.monotonic_time(:millisecond)
r = receive do
  :never -> :got
after
  50 -> :timeout
end
waited = System.monotonic_time(:millisecond) - t0
IO.inspect(r)                                        # expect: :timeout
IO.inspect(waited >= 50)                             # expect: true
IO.inspect(Process.info(self(), :message_queue_len)) # expect: {:message_queue_len, 1}
