# When the script's main process ends, the program ends, even with other processes waiting
# or running.
spawn(fn ->
  receive do
    :never -> :ok
  end
end)
defmodule Loop do
  def forever, do: forever()
end
spawn(fn -> Loop.forever() end)
IO.puts("main ends")                                 # expect: main ends
