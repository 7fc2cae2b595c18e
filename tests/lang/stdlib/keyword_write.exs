kw = [a: 1, b: 2, a: 3]
IO.inspect(Keyword.put(kw, :a, 9))                  # expect: [a: 9, b: 2]
IO.inspect(Keyword.put(kw, :c, 9))                  # expect: [c: 9, a: 1, b: 2, a: 3]
IO.inspect(Keyword.put_new(kw, :a, 9))              # expect: [a: 1, b: 2, a: 3]
IO.inspect(Keyword.put_new(kw, :c, 9))              # expect: [c: 9, a: 1, b: 2, a: 3]
IO.inspect(Keyword.delete(kw, :a))                  # expect: [b: 2]
IO.inspect(Keyword.delete_first(kw, :a))            # expect: [b: 2, a: 3]
IO.inspect(Keyword.update(kw, :a, 0, fn v -> v * 10 end))  # expect: [a: 10, b: 2]
IO.inspect(Keyword.update(kw, :z, 0, fn v -> v * 10 end))  # expect: [a: 1, b: 2, a: 3, z: 0]
IO.inspect(Keyword.update!(kw, :b, fn v -> v * 10 end))  # expect: [a: 1, b: 20, a: 3]
IO.inspect(Keyword.replace(kw, :a, 0))              # expect: [a: 0, b: 2]
IO.inspect(Keyword.replace!(kw, :b, 0))             # expect: [a: 1, b: 0, a: 3]
IO.inspect(Keyword.pop(kw, :a))                     # expect: {1, [b: 2]}
IO.inspect(Keyword.pop(kw, :z, :d))                 # expect: {:d, [a: 1, b: 2, a: 3]}
IO.inspect(Keyword.pop_first(kw, :a))               # expect: {1, [b: 2, a: 3]}
IO.inspect(Keyword.pop_values(kw, :a))              # expect: {[1, 3], [b: 2]}
IO.inspect(Keyword.get_and_update(kw, :a, fn v -> {v, v + 1} end))  # expect: {1, [a: 2, b: 2, a: 3]}
Keyword.update!(kw, :z, fn v -> v end)  # expect error: ** (KeyError) key :z not found in: [a: 1, b: 2, a: 3]
