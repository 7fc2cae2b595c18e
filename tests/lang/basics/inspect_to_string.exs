IO.puts(inspect([1, "two", :three]))   # expect: [1, "two", :three]
IO.puts(to_string(3.5))                # expect: 3.5
IO.puts(to_string(:hi))                # expect: hi
IO.puts(inspect("quote\"d"))           # expect: "quote\"d"
IO.puts(inspect(%{"k" => [1]}))        # expect: %{"k" => [1]}
