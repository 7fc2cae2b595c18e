defmodule Math.Util do
  def square(x), do: x * x
  def cube(x), do: x * x * x
end
defmodule UseAlias do
  alias Math.Util
  def go, do: Util.square(3)
end
defmodule UseAs do
  alias Math.Util, as: U
  def go, do: U.cube(2)
end
defmodule UseImport do
  import Math.Util
  def go, do: square(4) + cube(1)
end
IO.inspect(UseAlias.go())   # expect: 9
IO.inspect(UseAs.go())      # expect: 8
IO.inspect(UseImport.go())  # expect: 17
