IO.inspect(String.length("héllo"))                        # expect: 5
IO.inspect(String.upcase("abc"))                          # expect: "ABC"
IO.inspect(String.split("a,b,,c", ","))                   # expect: ["a", "b", "", "c"]
IO.inspect(String.to_integer("42"))                       # expect: 42
IO.inspect(Integer.parse("12ab"))                         # expect: {12, "ab"}
IO.inspect(Integer.to_string(-5))                         # expect: "-5"
IO.inspect(String.trim("  x  "))                          # expect: "x"
