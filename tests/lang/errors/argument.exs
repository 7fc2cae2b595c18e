try do
  hd([])
rescue
  e in ArgumentError -> IO.inspect(e.message)   # expect: "errors were found at the given arguments:\n\n  * 1st argument: not a nonempty list\n"
end
raise ArgumentError, "nope" # expect error: ** (ArgumentError) nope
