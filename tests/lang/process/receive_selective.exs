# Selective receive takes the first message that matches and keeps the others in order.
send(self(), {:b, 1})
send(self(), {:a, 2})
send(self(), {:b, 3})
send(self(), {:a, 4})
receive do
  {:a, x} -> IO.inspect(x)                           # expect: 2
end
receive do
  {:a, x} -> IO.inspect(x)                           # expect: 4
end
receive do
  {:b, x} -> IO.inspect(x)                           # expect: 1
end
receive do
  m -> IO.inspect(m)                                 # expect: {:b, 3}
end
IO.inspect(Process.info(self(), :message_queue_len)) # expect: {:message_queue_len, 0}
