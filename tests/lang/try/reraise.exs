try do
  try do
    raise "first"
  rescue
    e -> reraise e, __STACKTRACE__
  end
rescue
  e -> IO.puts("again: " <> e.message)   # expect: again: first
end
try do
  raise "unmatched"
rescue
  ArgumentError -> :no
end
# expect error: ** (RuntimeError) unmatched
