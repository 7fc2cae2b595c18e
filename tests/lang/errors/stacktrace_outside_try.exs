IO.puts("never printed: the file does not compile")
IO.inspect(__STACKTRACE__)
# expect error: ** (CompileError) tests/lang/errors/stacktrace_outside_try.exs:2: __STACKTRACE__ is available only inside catch and rescue clauses of try expressions
