x = IO.inspect(42, label: "answer")   # expect: answer: 42
IO.inspect(x + 1)                     # expect: 43
IO.puts(["a", ?b, "c"])               # expect: abc
IO.write("no newline")
IO.puts("")                           # expect: no newline
IO.puts(:atom)                        # expect: atom
IO.puts(12)                           # expect: 12
