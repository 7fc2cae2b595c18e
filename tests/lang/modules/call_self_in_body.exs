defmodule Early do
  def f, do: 1
  IO.puts(Early.f())
end
# expect error: ** (UndefinedFunctionError) function Early.f/0 is undefined (function not available)
