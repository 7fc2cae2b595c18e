defmodule Bad do
  def f, do: 1 +* 2
end
