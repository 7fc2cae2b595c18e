m = %{a: 1, b: 2, c: 3}
IO.inspect(Map.pop(m, :a))                          # expect: {1, %{b: 2, c: 3}}
IO.inspect(Map.pop(m, :z))                          # expect: {nil, %{a: 1, b: 2, c: 3}}
IO.inspect(Map.pop(m, :z, :default))                # expect: {:default, %{a: 1, b: 2, c: 3}}
IO.inspect(Map.pop!(m, :b))                         # expect: {2, %{a: 1, c: 3}}
IO.inspect(Map.pop_lazy(m, :z, fn -> :lazy end))    # expect: {:lazy, %{a: 1, b: 2, c: 3}}
IO.inspect(Map.take(m, [:a, :c, :zz]))              # expect: %{a: 1, c: 3}
IO.inspect(Map.drop(m, [:a, :zz]))                  # expect: %{b: 2, c: 3}
IO.inspect(Map.split(m, [:a, :q]))                  # expect: {%{a: 1}, %{b: 2, c: 3}}
Map.pop!(m, :zz)  # expect error: ** (KeyError) key :zz not found in: %{a: 1, b: 2, c: 3}
