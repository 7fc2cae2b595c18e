# Sigils: ~w word lists (modifiers a, c, s), ~s and ~S strings, ~c charlists, any delimiter.
IO.inspect(~w(a b  c))                          # expect: ["a", "b", "c"]
IO.inspect(~w(ok error)a)                       # expect: [:ok, :error]
IO.inspect(~w[x y]c)                            # expect: ['x', 'y']
IO.inspect(~w{one
  two}s)                                        # expect: ["one", "two"]
IO.inspect(~w<a b>)                             # expect: ["a", "b"]
IO.inspect(~w|a b|)                             # expect: ["a", "b"]
IO.inspect(~w/a b/)                             # expect: ["a", "b"]
IO.inspect(~w())                                # expect: []
IO.inspect(~s(hello "world"))                   # expect: "hello \"world\""
IO.inspect(~s(a\)b\tc))                         # expect: "a)b\tc"
IO.inspect(~S(a\nb))                            # expect: "a\\nb"
IO.inspect(~s"q")                               # expect: "q"
IO.inspect(~s'q')                               # expect: "q"
IO.inspect(~c(abc))                             # expect: 'abc'
IO.inspect(Enum.map(~w(1 2 3), &String.to_integer/1)) # expect: [1, 2, 3]
IO.inspect(~w(a b)a ++ [:c])                    # expect: [:a, :b, :c]
IO.inspect(length ~w(a b c))                    # expect: 3
case "b" do
  x when x in ~w(a b) -> IO.puts("member")      # expect: member
end
