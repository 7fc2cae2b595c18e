IO.inspect(:ok)                   # expect: :ok
IO.inspect(:"hello world")        # expect: :"hello world"
IO.inspect({:a, 1, "s"})          # expect: {:a, 1, "s"}
IO.inspect([1, 2 | [3]])          # expect: [1, 2, 3]
IO.inspect([a: 1, b: 2])          # expect: [a: 1, b: 2]
IO.inspect(%{:a => 1, "b" => 2})  # expect: %{:a => 1, "b" => 2}
IO.inspect(%{a: 1})               # expect: %{a: 1}
IO.inspect(1..5)                  # expect: 1..5
IO.inspect(nil)                   # expect: nil
IO.inspect(3.0e3)                 # expect: 3000.0
IO.inspect(1.0e20)                # expect: 1.0e20
IO.inspect([])                    # expect: []
IO.inspect({})                    # expect: {}
