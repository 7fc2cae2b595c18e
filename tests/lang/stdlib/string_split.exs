IO.inspect(String.split(" a  b c "))                # expect: ["a", "b", "c"]
IO.inspect(String.split("a\tb\nc"))                 # expect: ["a", "b", "c"]
IO.inspect(String.split(""))                        # expect: []
IO.inspect(String.split("a,b,,c", ","))             # expect: ["a", "b", "", "c"]
IO.inspect(String.split("a,b,,c", ",", trim: true))  # expect: ["a", "b", "c"]
IO.inspect(String.split("a,b,c", ",", parts: 2))    # expect: ["a", "b,c"]
IO.inspect(String.split("a,b,c,", ",", parts: 3, trim: true))  # expect: ["a", "b", "c,"]
IO.inspect(String.split("abc", ""))                 # expect: ["", "a", "b", "c", ""]
IO.inspect(String.split("abc", "", trim: true))     # expect: ["a", "b", "c"]
IO.inspect(String.split("a-b_c", ["-", "_"]))       # expect: ["a", "b", "c"]
IO.inspect(String.split("a::b:c", [":", "::"]))     # expect: ["a", "b", "c"]
IO.inspect(String.split("", ","))                   # expect: [""]
IO.inspect(String.split("", ",", trim: true))       # expect: []
IO.inspect(String.split("no separator", ","))       # expect: ["no separator"]
IO.inspect(String.split_at("hello", 2))             # expect: {"he", "llo"}
IO.inspect(String.split_at("hello", -1))            # expect: {"hell", "o"}
IO.inspect(String.split_at("héllo", 10))            # expect: {"héllo", ""}
