# register/2 refuses a taken name, a second name for a process, and a dead process, with
# ArgumentError.
defmodule Try do
  def register(pid, name) do
    try do
      Process.register(pid, name)
    rescue
      e in ArgumentError ->
        case e.message do
          "could not register " <> _ -> true
          other -> other
        end
    end
  end
end

IO.inspect(Try.register(self(), :first))             # expect: true
IO.inspect(Try.register(self(), :second))            # expect: true
other = spawn(fn -> receive do :stop -> :ok end end)
IO.inspect(Try.register(other, :first))              # expect: true
dead = spawn(fn -> :ok end)
ref = Process.monitor(dead)
receive do
  {:DOWN, r, _, _, _} when r == ref -> :ok
end
IO.inspect(Try.register(dead, :third))               # expect: true
IO.inspect(Process.whereis(:third))                  # expect: nil
send(other, :stop)
