x = 1
"a" <> "b" <> x # expect error: ** (ArgumentError) construction of binary failed: segment 3 of type 'binary': expected a binary but got: 1
