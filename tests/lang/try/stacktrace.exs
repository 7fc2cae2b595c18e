# __STACKTRACE__ in rescue and catch clauses: a list of {module, function, arity, location}
# entries whose first one is where the exception was raised; reraise/2 keeps it.
defmodule Boom do
  def go(x), do: 10 + x
end

defmodule Check do
  def entry?({m, f, a, loc}) when is_atom(m) and is_atom(f) and is_list(loc),
    do: is_integer(a) or is_list(a)

  def entry?(_), do: false
end

st = try do
  Boom.go(:a)
rescue
  _ -> __STACKTRACE__
end
IO.inspect(is_list(st) and st != [])                       # expect: true
IO.inspect(Enum.all?(st, &Check.entry?/1))                 # expect: true
{m, f, a, _} = hd(st)
IO.inspect({m, f, a})                                      # expect: {Boom, :go, 1}

st = try do
  throw(:ball)
catch
  :throw, :ball -> __STACKTRACE__
end
IO.inspect(is_list(st))                                    # expect: true

# reraise with __STACKTRACE__ raises the same exception again.
r = try do
  try do
    raise ArgumentError, "inner"
  rescue
    e -> reraise e, __STACKTRACE__
  end
rescue
  e in ArgumentError -> {:outer, e.message, is_list(__STACKTRACE__)}
end
IO.inspect(r)                                              # expect: {:outer, "inner", true}

# reraise/3 with a module and a message.
r = try do
  try do
    raise "x"
  rescue
    _ -> reraise RuntimeError, "again", __STACKTRACE__
  end
rescue
  e -> e.message
end
IO.puts(r)                                                 # expect: again

# Uncaught, a reraised error is reported as itself.
try do
  Boom.go(:b)
rescue
  e -> reraise e, __STACKTRACE__
end
# expect error: ** (ArithmeticError) bad argument in arithmetic expression
