# using.ex: test harness only, never embedded in ember. scripts/check-otp-elixir.sh loads our
# Agent, Task, GenServer and Supervisor into real Elixir as AgEnt, TaSk, GenSErver and SuperVisor,
# with their __using__/1 function renamed __ember_using__/1 (Elixir reserves the name for the
# macro), and this gives each a __using__/1 macro doing what ember's compiler does for
# `use X, opts` in module M (protocol at GenServer.__using__/1 in src/lib/gen_server.ex):
# take X.__using__(opts) = [name: arity, ...], and for each name/arity M does not define, define
#     def name(a1, ..., an), do: X.__using_default__(:name, M, opts, [a1, ..., an])
# So the Elixir runs test our defaults through the same protocol.

defmodule EmberOTP.Using do
  @moduledoc false

  # `use EmberOTP.Using` inside the renamed X defines X's own __using__/1 macro.
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

    for {name, arity} <- base.__ember_using__(opts), not Module.defines?(env.module, {name, arity}) do
      args = Macro.generate_arguments(arity, __MODULE__)

      quote do
        def unquote(name)(unquote_splicing(args)) do
          unquote(base).__using_default__(unquote(name), __MODULE__, unquote(Macro.escape(opts)), unquote(args))
        end
      end
    end
  end
end
