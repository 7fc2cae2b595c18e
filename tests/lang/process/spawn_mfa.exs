# spawn/3 and spawn_link/3 run Module.function(args) in a new process.
defmodule Worker do
  def run(parent, x, y), do: send(parent, {:sum, x + y})
  def linked(parent), do: send(parent, {:linked, Process.info(self(), :links)})
end

spawn(Worker, :run, [self(), 2, 3])
receive do
  {:sum, s} -> IO.inspect(s)                         # expect: 5
end
pid = spawn_link(Worker, :linked, [self()])
receive do
  {:linked, {:links, links}} -> IO.inspect(links == [self()])  # expect: true
end
IO.inspect(is_pid(pid))                              # expect: true
