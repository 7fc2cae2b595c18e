r = receive do
  :never -> :got
after
  10 -> :timeout
end
IO.inspect(r)                          # expect: :timeout
send(self(), :now)
r = receive do
  :now -> :got
after
  0 -> :timeout
end
IO.inspect(r)                          # expect: :got
r = receive do
after
  0 -> :empty
end
IO.inspect(r)                          # expect: :empty
