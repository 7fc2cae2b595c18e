# using.ex: test harness only, never embedded in ember. scripts/check-otp-elixir.sh loads our
# Agent, Task, GenServer and Supervisor into real Elixir as AgEnt, TaSk, GenSErver and SuperVisor,
# and this gives each a __using__/1 macro doing exactly what ember's compiler does for
# `use X, opts` (rule written in src/lib/gen_server.ex, GenServer.Default): for each public
# function name/(n + 2) of X.Default that the using module M does not define as name/n, define
#     def name(a1, ..., an), do: X.Default.name(M, opts, a1, ..., an)
# So the Elixir runs test the defaults through the same rule.

defmodule EmberOTP.Using do
  @moduledoc false

  # `use EmberOTP.Using` inside the renamed X defines X's own __using__/1.
  defmacro __using__(_) do
    quote do
      defmacro __using__(opts) do
        EmberOTP.Using.inject(__MODULE__, opts)
      end
    end
  end

  @doc false
  def inject(base, opts) do
    quote do
      Module.put_attribute(__MODULE__, :ember_use, {unquote(base), unquote(opts)})
      @before_compile EmberOTP.Using
    end
  end

  defmacro __before_compile__(env) do
    {base, opts} = Module.get_attribute(env.module, :ember_use)
    defaults = Module.concat(base, Default)

    for {name, arity} <- defaults.__info__(:functions),
        arity >= 2,
        not Module.defines?(env.module, {name, arity - 2}) do
      args = Macro.generate_arguments(arity - 2, __MODULE__)

      quote do
        def unquote(name)(unquote_splicing(args)) do
          unquote(defaults).unquote(name)(__MODULE__, unquote(Macro.escape(opts)), unquote_splicing(args))
        end
      end
    end
  end
end
