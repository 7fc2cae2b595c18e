{a, b} = {1, 2}
IO.inspect(a + b)                  # expect: 3
[x, y | rest] = [1, 2, 3, 4]
IO.inspect({x, y, rest})           # expect: {1, 2, [3, 4]}
{:ok, [first | _]} = {:ok, [:f, :g]}
IO.inspect(first)                  # expect: :f
[] = []
IO.puts("empty ok")                # expect: empty ok
