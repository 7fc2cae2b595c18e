# ember-only: ember's `use` takes M.__using__/1 returning [name: arity] defaults instead of quoted code
defmodule Greeter do
  def __using__(_opts), do: [hello: 0, name: 0]
  def __using_default__(:hello, mod, []), do: "hello from #{inspect(mod)} (#{mod.name()})"
  def __using_default__(:name, _mod, []), do: "default name"
end
defmodule English do
  use Greeter
end
defmodule Custom do
  use Greeter
  def name, do: "custom"
end
IO.puts(English.hello())     # expect: hello from English (default name)
IO.puts(Custom.hello())      # expect: hello from Custom (custom)
