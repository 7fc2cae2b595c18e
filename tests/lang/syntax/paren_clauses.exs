# Clauses in parentheses: the keyword form of blocks made of `->` clauses.
send(self(), {:a, 1})
r = receive(do: ({:a, v} -> v * 2))
IO.inspect(r)                                          # expect: 2
IO.inspect(case 3, do: (1 -> :one; 3 -> :three))       # expect: :three
IO.inspect(cond(do: (false -> 1; true -> 2)))          # expect: 2
IO.inspect(if(true, do: (a = 2; a + 1), else: 0))     # expect: 3
r = receive(do: (:never -> 0), after: (0 -> :timeout))
IO.inspect(r)                                          # expect: :timeout
x = (
  y = 5
  y * 2
)
IO.inspect(x)                                          # expect: 10
