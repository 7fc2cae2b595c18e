# Code.ensure_loaded?/1 and Code.ensure_loaded/1: true for user modules, for builtin and lazily
# loaded library modules, false for a name nothing defines.
defmodule Here do
  def hi, do: :hi
end

IO.inspect(Code.ensure_loaded?(Here))            # expect: true
IO.inspect(Code.ensure_loaded?(Enum))            # expect: true
IO.inspect(Code.ensure_loaded?(GenServer))       # expect: true
IO.inspect(Code.ensure_loaded?(NoSuchModule))    # expect: false
IO.inspect(Code.ensure_loaded(Here))             # expect: {:module, Here}
IO.inspect(Code.ensure_loaded(NoSuchModule))     # expect: {:error, :nofile}
IO.inspect(Code.ensure_loaded?(:"not a module")) # expect: false
