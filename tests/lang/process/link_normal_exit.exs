# A linked process that exits normally does not take its linked process down.
parent = self()
{middle, ref} = spawn_monitor(fn ->
  child = spawn_link(fn ->
    receive do
      :go -> :ok
    end
  end)
  send(parent, {:child, child})
  receive do
    :check -> send(parent, {:links_after, Process.info(self(), :links)})
  end
end)
child = receive do
  {:child, c} -> c
end
child_ref = Process.monitor(child)
send(child, :go)
receive do
  {:DOWN, r, :process, _, reason} when r == child_ref -> IO.inspect(reason)  # expect: :normal
end
send(middle, :check)
receive do
  {:links_after, links} -> IO.inspect(links)         # expect: {:links, []}
end
receive do
  {:DOWN, r, :process, _, reason} when r == ref -> IO.inspect(reason)  # expect: :normal
end
