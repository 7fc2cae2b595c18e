# expect syntax error: 2:10: error: cannot pipe into int, can only pipe into local calls foo(), remote calls Foo.bar() or anonymous function calls foo.()
x = 1 |> 2
