words = ["apple", "bob", "cat", "avocado", "banana"]
IO.inspect(Enum.group_by(words, &String.first/1))   # expect: %{"a" => ["apple", "avocado"], "b" => ["bob", "banana"], "c" => ["cat"]}
IO.inspect(Enum.group_by(1..6, fn x -> rem(x, 3) end, fn x -> x * 10 end))  # expect: %{0 => [30, 60], 1 => '\n(', 2 => [20, 50]}
IO.inspect(Enum.group_by([], fn x -> x end))        # expect: %{}
IO.inspect(Enum.frequencies(["a", "b", "a", "c", "a"]))  # expect: %{"a" => 3, "b" => 1, "c" => 1}
IO.inspect(Enum.frequencies([]))                    # expect: %{}
IO.inspect(Enum.frequencies_by(words, &String.length/1))  # expect: %{3 => 2, 5 => 1, 6 => 1, 7 => 1}
