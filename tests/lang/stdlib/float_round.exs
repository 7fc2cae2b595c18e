# rounding works on the exact binary value: 2.675 is a little below 2.675
IO.inspect(Float.round(2.675, 2))                   # expect: 2.67
IO.inspect(Float.round(0.125, 2))                   # expect: 0.13
IO.inspect(Float.round(-0.125, 2))                  # expect: -0.13
IO.inspect(Float.round(1.5))                        # expect: 2.0
IO.inspect(Float.round(-1.5))                       # expect: -2.0
IO.inspect(Float.round(1.234567, 4))                # expect: 1.2346
IO.inspect(Float.round(-0.01, 1))                   # expect: 0.0
IO.inspect(Float.round(123456.789, 1))              # expect: 123456.8
IO.inspect(Float.floor(1.99))                       # expect: 1.0
IO.inspect(Float.floor(-1.01, 1))                   # expect: -1.1
IO.inspect(Float.ceil(1.01))                        # expect: 2.0
IO.inspect(Float.ceil(1.234, 2))                    # expect: 1.24
IO.inspect(Float.ceil(-0.5))                        # expect: -0.0
IO.inspect(Float.floor(12.0, 2))                    # expect: 12.0
Float.round(1.0, 16)  # expect error: ** (ArgumentError) precision 16 is out of valid range of 0..15
