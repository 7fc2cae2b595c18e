# run: parse
receive do
  {:hello, msg} -> msg
  {:world, _msg} -> "won't match"
end
receive do
  x -> x
after
  1_000 -> "nothing after 1s"
end
receive do
after
  0 -> :empty
end
try do
  raise "boom"
rescue
  e in RuntimeError -> e.message
  ArgumentError -> :arg
catch
  :exit, reason -> reason
  value -> value
else
  v -> v
after
  IO.puts "done"
end
throw :x
exit(:normal)
