IO.inspect(String.to_integer("123"))                # expect: 123
IO.inspect(String.to_integer("-42"))                # expect: -42
IO.inspect(String.to_integer("ff", 16))             # expect: 255
IO.inspect(String.to_float("2.5"))                  # expect: 2.5
IO.inspect(String.to_float("-1.5e3"))               # expect: -1500.0
IO.inspect(String.to_atom("hello world"))           # expect: :"hello world"
IO.inspect(String.to_existing_atom("ok"))           # expect: :ok
IO.inspect(String.to_charlist("héllo"))             # expect: [104, 233, 108, 108, 111]
IO.inspect(String.valid?("abc"))                    # expect: true
IO.inspect(String.printable?("abc\n"))              # expect: true
IO.inspect(String.printable?("abc\u0000"))          # expect: false
String.to_integer("12x")  # expect error: ** (ArgumentError) errors were found at the given arguments:
