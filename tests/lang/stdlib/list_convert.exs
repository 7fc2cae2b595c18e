IO.inspect(List.to_tuple([1, :a]))                  # expect: {1, :a}
IO.inspect(List.to_tuple([]))                       # expect: {}
IO.inspect(List.zip([[1, 2], [3, 4, 5]]))           # expect: [{1, 3}, {2, 4}]
IO.inspect(List.to_string([104, 105, "!", [?a]]))   # expect: "hi!a"
IO.inspect(List.to_string('héllo'))                 # expect: "héllo"
IO.inspect(List.to_atom('abc'))                     # expect: :abc
IO.inspect(List.to_integer('123'))                  # expect: 123
IO.inspect(List.to_integer('-ff', 16))              # expect: -255
IO.inspect(List.to_float('1.5'))                    # expect: 1.5
IO.inspect(List.to_charlist([1, "ab"]))             # expect: [1, 97, 98]
IO.inspect(List.ascii_printable?('abc'))            # expect: true
IO.inspect(List.ascii_printable?([1]))              # expect: false
IO.inspect(List.starts_with?([1, 2, 3], [1, 2]))    # expect: true
IO.inspect(List.starts_with?([1], [1, 2]))          # expect: false
IO.inspect(List.improper?([1 | 2]))                 # expect: true
IO.inspect(List.improper?([1, 2]))                  # expect: false
List.to_integer('12a')  # expect error: ** (ArgumentError) errors were found at the given arguments:
