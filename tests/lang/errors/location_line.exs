defmodule Loc do
  def h(x), do: 1 / x
end
Loc.h(0)
# the report's second line names where the error was raised:
# expect error:     tests/lang/errors/location_line.exs:2: Loc.h/1
