defmodule Point do
  defstruct x: 0, y: 0
end
defmodule Run do
  def go do
    p = %Point{x: 3}
    IO.inspect(p)                     # expect: %Point{x: 3, y: 0}
    IO.inspect(%{p | y: 4})           # expect: %Point{x: 3, y: 4}
    IO.inspect(struct(Point, y: 9, z: 1))   # expect: %Point{x: 0, y: 9}
    IO.inspect(Point.__struct__())    # expect: %Point{x: 0, y: 0}
    %{p | z: 1}
  end
end
Run.go() # expect error: ** (KeyError) key :z not found
