IO.puts "hi"
IO.inspect(undefined_thing) # expect error: ** (CompileError) tests/lang/errors/undefined_var_is_call.exs:2: undefined function undefined_thing/0 (there is no such import)
