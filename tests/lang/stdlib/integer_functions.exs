IO.inspect(Integer.to_string(255))                  # expect: "255"
IO.inspect(Integer.to_string(255, 16))              # expect: "FF"
IO.inspect(Integer.to_string(-255, 2))              # expect: "-11111111"
IO.inspect(Integer.to_charlist(42))                 # expect: '42'
IO.inspect(Integer.digits(123))                     # expect: [1, 2, 3]
IO.inspect(Integer.digits(-123))                    # expect: [-1, -2, -3]
IO.inspect(Integer.digits(0))                       # expect: [0]
IO.inspect(Integer.digits(255, 16))                 # expect: [15, 15]
IO.inspect(Integer.undigits([1, 2, 3]))             # expect: 123
IO.inspect(Integer.undigits([15, 15], 16))          # expect: 255
IO.inspect(Integer.pow(2, 10))                      # expect: 1024
IO.inspect(Integer.pow(-2, 3))                      # expect: -8
IO.inspect(Integer.floor_div(-7, 2))                # expect: -4
IO.inspect(Integer.mod(-7, 3))                      # expect: 2
IO.inspect(Integer.mod(7, -3))                      # expect: -2
IO.inspect(Integer.gcd(12, -18))                    # expect: 6
IO.inspect(Integer.extended_gcd(240, 46))           # expect: {2, -9, 47}
require Integer
IO.inspect(Integer.is_even(4))                      # expect: true
IO.inspect(Integer.is_odd(-3))                      # expect: true
Integer.to_string(1.5)  # expect error: ** (ArgumentError) errors were found at the given arguments:
