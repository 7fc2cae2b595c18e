# Processes spawned one after another start in that order, after the spawner waits: a parent
# that spawns five children which each report, then collects, hears 1 to 5 in order (on one
# scheduler, as the BEAM runs a run queue first in, first out).
# threads: 1
parent = self()
for i <- 1..5, do: spawn(fn -> send(parent, {:started, i}) end)
started = for _ <- 1..5, do: (receive do {:started, i} -> i end)
IO.inspect(started)  # expect: [1, 2, 3, 4, 5]

# The same for a tree: each child of a child runs after the children spawned before it.
spawn(fn ->
  for i <- 1..3, do: spawn(fn -> send(parent, {:child, i}) end)
end)
kids = for _ <- 1..3, do: (receive do {:child, i} -> i end)
IO.inspect(kids)     # expect: [1, 2, 3]
