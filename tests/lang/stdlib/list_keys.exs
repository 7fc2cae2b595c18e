kw = [a: 1, b: 2, a: 3]
IO.inspect(List.keyfind(kw, :b, 0))                 # expect: {:b, 2}
IO.inspect(List.keyfind(kw, 2, 1))                  # expect: {:b, 2}
IO.inspect(List.keyfind(kw, :z, 0))                 # expect: nil
IO.inspect(List.keyfind(kw, :z, 0, :none))          # expect: :none
IO.inspect(List.keyfind([{1.0, :x}], 1, 0))         # expect: {1.0, :x}
IO.inspect(List.keymember?(kw, :a, 0))              # expect: true
IO.inspect(List.keydelete(kw, :a, 0))               # expect: [b: 2, a: 3]
IO.inspect(List.keyreplace(kw, :a, 0, {:a, 9}))     # expect: [a: 9, b: 2, a: 3]
IO.inspect(List.keystore(kw, :c, 0, {:c, 4}))       # expect: [a: 1, b: 2, a: 3, c: 4]
IO.inspect(List.keystore(kw, :b, 0, {:b, 0}))       # expect: [a: 1, b: 0, a: 3]
IO.inspect(List.keytake(kw, :b, 0))                 # expect: {{:b, 2}, [a: 1, a: 3]}
IO.inspect(List.keytake(kw, :z, 0))                 # expect: nil
IO.inspect(List.keysort([b: 2, a: 1, c: 0], 1))     # expect: [c: 0, a: 1, b: 2]
IO.inspect(List.keysort([b: 2, a: 1, c: 0], 0, :desc))  # expect: [c: 0, b: 2, a: 1]
IO.inspect(List.keyfind!(kw, :a, 0))                # expect: {:a, 1}
List.keyfind!(kw, :z, 0)  # expect error: ** (KeyError) key :z at position 0 not found in: [a: 1, b: 2, a: 3]
