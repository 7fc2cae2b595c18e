defmodule Conf do
  def div(a, b), do: a / b
  def go, do: div(1, 2)
end
# expect error: ** (CompileError) tests/lang/errors/kernel_conflict.exs:2: imported Kernel.div/2 conflicts with local function
