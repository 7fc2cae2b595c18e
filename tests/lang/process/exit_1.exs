# exit/1 ends the calling process with any reason; its monitors see the reason.
defmodule E do
  def down_reason(fun) do
    {_, ref} = spawn_monitor(fun)
    receive do
      {:DOWN, r, :process, _, reason} when r == ref -> reason
    end
  end
end

IO.inspect(E.down_reason(fn -> exit(:normal) end))   # expect: :normal
IO.inspect(E.down_reason(fn -> exit(:shutdown) end)) # expect: :shutdown
IO.inspect(E.down_reason(fn -> exit({:shutdown, 7}) end))  # expect: {:shutdown, 7}
IO.inspect(E.down_reason(fn -> :returned end))       # expect: :normal
