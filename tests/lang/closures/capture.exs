x = 10
add = fn y -> x + y end
x = 20
IO.inspect(add.(1))                      # expect: 11
IO.inspect(x)                            # expect: 20
make_counter = fn start -> fn inc -> start + inc end end
c = make_counter.(100)
IO.inspect(c.(5))                        # expect: 105
nested = fn a -> fn b -> fn c -> a + b + c end end end
IO.inspect(nested.(1).(2).(3))           # expect: 6
