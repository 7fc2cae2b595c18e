t = {:a, :b, :c}
IO.inspect(elem(t, 1))             # expect: :b
IO.inspect(put_elem(t, 0, :z))     # expect: {:z, :b, :c}
IO.inspect(tuple_size(t))          # expect: 3
IO.inspect(t)                      # expect: {:a, :b, :c}
