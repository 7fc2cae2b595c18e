# expect syntax error: 6:1: error: expected expression, operator, '->', block keyword or 'end' at end of input
defmodule A do
  def f do
    1
  end
