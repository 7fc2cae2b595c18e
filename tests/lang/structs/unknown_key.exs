defmodule S do
  defstruct [:a]
end
defmodule T do
  def f, do: %S{b: 1}
end
# expect error: ** (KeyError) key :b not found
