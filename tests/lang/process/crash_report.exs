# An uncaught error in a process prints Elixir's crash report on stderr and becomes the exit
# reason {exception, stacktrace}; a throw becomes {{:nocatch, value}, stacktrace}. Other
# processes carry on.
# ember-only: elixir 1.14 prints crash reports on stdout (its logger's console), ember on stderr
defmodule C do
  def down_reason(fun) do
    {_, ref} = spawn_monitor(fun)
    receive do
      {:DOWN, r, :process, _, reason} when r == ref -> reason
    end
  end
end

{%RuntimeError{message: m}, stack} = C.down_reason(fn -> raise "boom" end)
IO.inspect({m, is_list(stack)})                      # expect: {"boom", true}
{reason, _} = C.down_reason(fn -> throw(:ball) end)
IO.inspect(reason)                                   # expect: {:nocatch, :ball}
IO.puts("main carries on")                           # expect: main carries on
raise "the end"
# expect error: ** (RuntimeError) boom
