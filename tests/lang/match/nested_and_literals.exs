{:user, %{tags: [t | _]}, 3.5} = {:user, %{tags: [:admin]}, 3.5}
IO.inspect(t)                      # expect: :admin
1.0 = 1.0
IO.puts("float ok")                # expect: float ok
case 1 do
  1.0 -> IO.puts("float")
  1 -> IO.puts("int")              # expect: int
end
{a, _b} = {_c, d} = {4, 5}
IO.inspect({a, d})                 # expect: {4, 5}
