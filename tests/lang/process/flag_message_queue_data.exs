# Process.flag(:message_queue_data, _) answers the previous setting (:on_heap at first).
IO.inspect(Process.flag(:message_queue_data, :off_heap))  # expect: :on_heap
IO.inspect(Process.flag(:message_queue_data, :on_heap))   # expect: :off_heap
send(self(), :still_received)
Process.flag(:message_queue_data, :off_heap)
receive do
  m -> IO.inspect(m)                                       # expect: :still_received
end
try do
  Process.flag(:message_queue_data, :elsewhere)
rescue
  e in ArgumentError -> IO.puts(e.__struct__)              # expect: Elixir.ArgumentError
end
