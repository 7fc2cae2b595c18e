{_, second, _} = {1, 2, 3}
IO.inspect(second)                 # expect: 2
[_ | tail] = [0, :nine]
IO.inspect(tail)                   # expect: [:nine]
