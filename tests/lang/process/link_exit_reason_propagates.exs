# exit/1 with a reason other than :normal in a linked process kills the process linked to it,
# with the same reason; that one's monitor sees it.
{_middle, ref} = spawn_monitor(fn ->
  spawn_link(fn -> exit(:boom) end)
  receive do
    :never -> :ok
  end
end)
receive do
  {:DOWN, r, :process, _, reason} when r == ref -> IO.inspect(reason)  # expect: :boom
end
