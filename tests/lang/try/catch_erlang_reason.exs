# `catch :error, r` sees the raw Erlang reason of errors the runtime raises (rescue sees the
# exception struct); errors Elixir raises itself stay structs.
defmodule T do
  def t(f) do
    try do
      f.()
    catch
      :error, r -> IO.inspect(r)
    end
  end

  def one(1), do: 1
end

x = fn -> :a end
T.t(fn -> 1 + x.() end)                                   # expect: :badarith
T.t(fn -> 1 = Enum.count([1, 2]) end)                     # expect: {:badmatch, 2}
T.t(fn -> case x.() do :b -> 1 end end)                   # expect: {:case_clause, :a}
T.t(fn -> cond do x.() == :b -> 1 end end)                # expect: :cond_clause
T.t(fn -> T.one(x.()) end)                                # expect: :function_clause
T.t(fn -> T.nope(x.()) end)                               # expect: :undef
T.t(fn -> Map.fetch!(%{b: 1}, x.()) end)                  # expect: {:badkey, :a}
T.t(fn -> Keyword.fetch!([a: 1], :b) end)                 # expect: %KeyError{key: :b, term: [a: 1], message: nil}
T.t(fn -> m = %{a: x.()}; m.b end)                        # expect: {:badkey, :b, %{a: :a}}
T.t(fn -> m = %{a: x.()}; %{m | b: 1} end)                # expect: {:badkey, :b}
T.t(fn -> Map.get(x.(), :b) end)                          # expect: {:badmap, :a}
T.t(fn -> y = x.(); y.(1) end)                            # expect: {:badfun, :a}
T.t(fn -> x.() and true end)                              # expect: {:badbool, :and, :a}
T.t(fn -> String.to_integer(to_string(x.())) end)         # expect: :badarg
T.t(fn -> hd(Enum.drop([x.()], 1)) end)                   # expect: :badarg
T.t(fn -> raise "boom" end)                               # expect: %RuntimeError{message: "boom"}
T.t(fn -> raise ArgumentError, "bad" end)                 # expect: %ArgumentError{message: "bad"}
T.t(fn -> div(1, length([x.()]) - 1) end)                 # expect: :badarith
T.t(fn -> :erlang.error(:foo) end)                        # expect: :foo
T.t(fn -> :erlang.error({:badmatch, 3}) end)              # expect: {:badmatch, 3}
T.t(fn -> with {:ok, v} <- x.() do v else :b -> 1 end end) # expect: {:with_clause, :a}
T.t(fn -> Integer.parse(x.()) end)                        # expect: :function_clause

# The arity error keeps the fun and its arguments.
{:badarity, {f, args}} = try do
  x.(1)
catch
  :error, r -> r
end
IO.inspect({is_function(f, 0), args})                     # expect: {true, [1]}

# catch kind, reason: the same raw reason, kind :error.
r = try do
  1 + x.()
catch
  kind, reason -> {kind, reason}
end
IO.inspect(r)                                             # expect: {:error, :badarith}

# rescue still sees the exception; a raw reason raised with :erlang.error is normalized.
r = try do
  :erlang.error({:badmatch, 3})
rescue
  e in MatchError -> Exception.message(e)
end
IO.puts(r)                                                # expect: no match of right hand side value: 3

r = try do
  :erlang.error(:badarith)
rescue
  e -> e
end
IO.inspect(r)                                             # expect: %ArithmeticError{message: "bad argument in arithmetic expression"}

r = try do
  :erlang.error(:whatever)
rescue
  e -> Exception.message(e)
end
IO.puts(r)                                                # expect: Erlang error: :whatever

# A raw reason caught and raised again with :erlang.raise/3 is rescued as its exception.
r = try do
  try do
    1 + x.()
  catch
    :error, reason -> :erlang.raise(:error, reason, __STACKTRACE__)
  end
rescue
  e in ArithmeticError -> {:rescued, e.message}
end
IO.inspect(r)                                             # expect: {:rescued, "bad argument in arithmetic expression"}
