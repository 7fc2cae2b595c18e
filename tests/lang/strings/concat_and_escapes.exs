IO.puts("a" <> "b" <> "c")                    # expect: abc
IO.inspect("tab\there")                       # expect: "tab\there"
IO.puts("unicode: héllo")                     # expect: unicode: héllo
IO.inspect(byte_size("héllo"))                # expect: 6
IO.inspect("multi
line")                                        # expect: "multi\nline"
IO.inspect(is_binary("x"))                    # expect: true
