IO.inspect(true and false)   # expect: false
IO.inspect(false or true)    # expect: true
IO.inspect(not true)         # expect: false
IO.inspect(nil || 3)         # expect: 3
IO.inspect(1 && 2)           # expect: 2
IO.inspect(false && raise("never")) # expect: false
IO.inspect(!nil)             # expect: true
IO.inspect(!5)               # expect: false
IO.inspect(true and 7)       # expect: 7
