defmodule Priv do
  def pub(x), do: secret(x) + 1
  defp secret(x), do: x * 10
end
IO.inspect(Priv.pub(2))                 # expect: 21
Priv.secret(2) # expect error: ** (UndefinedFunctionError) function Priv.secret/1 is undefined or private
