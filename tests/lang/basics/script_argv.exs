# args: one two
IO.inspect(System.argv())              # expect: ["one", "two"]
