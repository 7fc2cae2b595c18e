m = %{a: 1, b: 2}
IO.inspect(m.a)                    # expect: 1
IO.inspect(%{m | b: 3})            # expect: %{a: 1, b: 3}
IO.inspect(map_size(m))            # expect: 2
IO.inspect(m[:b])                  # expect: 2
IO.inspect(m[:zz])                 # expect: nil
%{a: x} = m
IO.inspect(x)                      # expect: 1
IO.inspect(Map.get(m, :a))         # expect: 1
IO.inspect(Map.put(m, :c, 3))      # expect: %{a: 1, b: 2, c: 3}
