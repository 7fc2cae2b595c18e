# Process.register/whereis/unregister/registered, and send to a registered name.
pid = spawn(fn ->
  receive do
    {:ping, from} -> send(from, :pong)
  end
end)
IO.inspect(Process.register(pid, :echo))            # expect: true
IO.inspect(Process.whereis(:echo) == pid)            # expect: true
IO.inspect(:echo in Process.registered())            # expect: true
send(:echo, {:ping, self()})
receive do
  :pong -> IO.puts("pong via name")                  # expect: pong via name
end
IO.inspect(Process.whereis(:nobody))                 # expect: nil
Process.register(self(), :main_proc)
send({:main_proc, node()}, :via_tuple)
receive do
  :via_tuple -> IO.puts("got via {name, node}")      # expect: got via {name, node}
end
IO.inspect(Process.unregister(:main_proc))           # expect: true
IO.inspect(Process.whereis(:main_proc))              # expect: nil
IO.inspect(Process.info(self(), :registered_name))   # expect: {:registered_name, []}
