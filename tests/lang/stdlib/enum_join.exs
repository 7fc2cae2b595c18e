IO.inspect(Enum.join(["a", "b", "c"], ", "))        # expect: "a, b, c"
IO.inspect(Enum.join([1, :a, "b", 2.5]))            # expect: "1ab2.5"
IO.inspect(Enum.join([], "-"))                      # expect: ""
IO.inspect(Enum.join(1..3, "+"))                    # expect: "1+2+3"
IO.inspect(Enum.map_join([1, 2], "-", fn x -> x * 2 end))  # expect: "2-4"
IO.inspect(Enum.map_join(1..3, fn x -> x end))      # expect: "123"
Enum.join([1, {}], ",")  # expect error: ** (Protocol.UndefinedError) protocol String.Chars not implemented for {} of type Tuple
