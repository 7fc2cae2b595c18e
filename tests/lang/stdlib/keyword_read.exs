kw = [a: 1, b: 2, a: 3]
IO.inspect(Keyword.get(kw, :a))                     # expect: 1
IO.inspect(Keyword.get(kw, :z))                     # expect: nil
IO.inspect(Keyword.get(kw, :z, 0))                  # expect: 0
IO.inspect(Keyword.get_values(kw, :a))              # expect: [1, 3]
IO.inspect(Keyword.fetch(kw, :b))                   # expect: {:ok, 2}
IO.inspect(Keyword.fetch(kw, :z))                   # expect: :error
IO.inspect(Keyword.fetch!(kw, :b))                  # expect: 2
IO.inspect(Keyword.has_key?(kw, :b))                # expect: true
IO.inspect(Keyword.has_key?(kw, :z))                # expect: false
IO.inspect(Keyword.keys(kw))                        # expect: [:a, :b, :a]
IO.inspect(Keyword.values(kw))                      # expect: [1, 2, 3]
IO.inspect(Keyword.keyword?(kw))                    # expect: true
IO.inspect(Keyword.keyword?([{"a", 1}]))            # expect: false
IO.inspect(Keyword.keyword?([]))                    # expect: true
IO.inspect(Keyword.get_lazy(kw, :z, fn -> :lazy end))  # expect: :lazy
Keyword.fetch!(kw, :c)  # expect error: ** (KeyError) key :c not found in: [a: 1, b: 2, a: 3]
