IO.inspect(if true, do: :yes, else: :no)       # expect: :yes
IO.inspect(if nil, do: :yes, else: :no)        # expect: :no
IO.inspect(if false, do: :yes)                 # expect: nil
IO.inspect(unless false, do: :ran)             # expect: :ran
x = 5
r = if x > 3 do
  y = x * 2
  y + 1
else
  0
end
IO.inspect(r)                                  # expect: 11
unless x == 5 do
  IO.puts("not five")
else
  IO.puts("five")                              # expect: five
end
