defmodule BadCall do
  def f, do: nope()
end
