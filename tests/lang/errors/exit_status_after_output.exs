IO.puts("line 1")   # expect: line 1
IO.puts("line 2")   # expect: line 2
throw({:done, 2})   # expect error: ** (throw) {:done, 2}
