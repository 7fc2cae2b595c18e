defmodule GL do
  def f(x) when g(x), do: 1
  def g(x), do: x
end
# expect error: ** (CompileError) tests/lang/errors/guard_local_call.exs:2: cannot find or invoke local g/1 inside guards. Only macros can be invoked in a guards and they must be defined before their invocation. Called as: g(x)
