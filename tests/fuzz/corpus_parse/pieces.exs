# pieces

  a = 1; b = fn x -> x end

defmodule M do
  def f(x), do: x
end
c(
 1)  # tail
y = 1 +* 2
