x = 1
^x = 1
IO.puts("pinned")                  # expect: pinned
{y, ^x} = {2, 1}
IO.inspect(y)                      # expect: 2
x = 5
IO.inspect(x)                      # expect: 5
case 5 do
  ^x -> IO.puts("same")            # expect: same
  _ -> IO.puts("other")
end
