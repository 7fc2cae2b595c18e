%{name: name} = %{name: "Ann", age: 3}
IO.puts(name)                      # expect: Ann
%{"k" => v} = %{"k" => [1]}
IO.inspect(v)                      # expect: [1]
%{} = %{a: 1}
IO.puts("any map")                 # expect: any map
key = :age
%{^key => age} = %{age: 7}
IO.inspect(age)                    # expect: 7
