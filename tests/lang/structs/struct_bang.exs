defmodule Cfg do
  defstruct port: 80
end
IO.inspect(struct!(Cfg, port: 8080))    # expect: %Cfg{port: 8080}
struct!(Cfg, host: "x") # expect error: ** (KeyError) key :host not found
