# A linked process that crashes takes the parent down with the same reason.
# ember-only: elixir prints the child's crash report on stdout, or not, depending on whether
# its logger runs before the VM halts
IO.puts("start")                                     # expect: start
spawn_link(fn -> raise "boom" end)
receive do
  :never -> :ok
end
IO.puts("not reached")
# expect error:     ** (RuntimeError) boom
