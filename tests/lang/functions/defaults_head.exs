defmodule H do
  def join(a, sep \\ "-")
  def join([], _sep), do: ""
  def join([x], _sep), do: x
  def join([x | rest], sep), do: x <> sep <> join(rest, sep)
end
IO.puts(H.join(["a", "b", "c"]))        # expect: a-b-c
IO.puts(H.join(["a", "b"], "+"))        # expect: a+b
