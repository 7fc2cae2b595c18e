name = "world"
IO.puts("hello #{name}!")                     # expect: hello world!
IO.puts("#{1 + 2} and #{:atom} and #{3.5}")   # expect: 3 and atom and 3.5
IO.puts("list: #{[104, 105]}")                # expect: list: hi
IO.puts("nested #{"in #{name}"}")             # expect: nested in world
IO.puts("nil is '#{nil}'")                    # expect: nil is ''
