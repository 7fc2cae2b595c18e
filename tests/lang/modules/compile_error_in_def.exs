IO.puts("a")   # expect: a
defmodule M do
  def f, do: reveive(1)
end
# expect error: ** (CompileError) tests/lang/modules/compile_error_in_def.exs:3: undefined function reveive/1 (expected M to define such a function or for it to be imported, but none are available)
