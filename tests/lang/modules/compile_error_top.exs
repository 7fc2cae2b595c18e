IO.puts("never printed")
reveive do
  {:hello, msg} -> msg
end
# expect error: ** (CompileError) tests/lang/modules/compile_error_top.exs:2: undefined function reveive/1 (there is no such import)
