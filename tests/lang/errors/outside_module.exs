IO.puts("no")
IO.puts(@foo) # expect error: ** (ArgumentError) cannot invoke @/1 outside module
