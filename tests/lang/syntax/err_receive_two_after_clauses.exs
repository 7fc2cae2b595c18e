# expect syntax error: 4:3: error: expected a single -> clause for :after in "receive"
receive do
after
  1 -> :a
  2 -> :b
end
