defmodule Order do
  def a, do: b() + 1
  def b, do: c() * 2
  defp c, do: 5
end
IO.inspect(Order.a())    # expect: 11
