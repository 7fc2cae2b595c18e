# lengths count graphemes: an accent written as a combining mark is part of its letter
IO.inspect(String.length("hello"))                  # expect: 5
IO.inspect(String.length("héllo"))                  # expect: 5
IO.inspect(String.length("e\u0301"))                # expect: 1
IO.inspect(String.length(""))                       # expect: 0
IO.inspect(String.length("日本語"))                    # expect: 3
IO.inspect(String.graphemes("héllo"))               # expect: ["h", "é", "l", "l", "o"]
IO.inspect(String.graphemes("e\u0301x"))            # expect: ["é", "x"]
IO.inspect(String.codepoints("e\u0301x"))           # expect: ["e", "́", "x"]
IO.inspect(String.graphemes(""))                    # expect: []
IO.inspect(String.next_grapheme("abc"))             # expect: {"a", "bc"}
IO.inspect(String.next_grapheme(""))                # expect: nil
IO.inspect(String.next_codepoint("héllo"))          # expect: {"h", "éllo"}
String.length(:atom)  # expect error: ** (FunctionClauseError) no function clause matching in String.length/1    
