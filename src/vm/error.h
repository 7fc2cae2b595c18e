/* error.h: raising Elixir's exceptions from C (the VM's instructions and the builtins).
 *
 * Owns: building each exception struct Elixir would (the same module name and fields, so
 * inspect and rescue see what Elixir shows) and making it the process's pending exception.
 * Every function here returns THE_NON_VALUE, so a builtin can `return err_xxx(p, ...);`.
 * Some errors also record a "blame" detail that only the uncaught-error report prints, as
 * Elixir's does ("bad argument in arithmetic expression: 1 + :a"); rescue sees the plain struct.
 */
#ifndef EMBER_ERROR_H
#define EMBER_ERROR_H
#include <stdint.h>

#include "rt/process.h"
#include "value/value.h"

/* Raises `value` with kind :error, :throw or :exit. */
Value raise_error(Process *p, Value exception);
Value raise_throw(Process *p, Value value);
Value raise_exit(Process *p, Value reason);

/* An exception struct of `module` (atom) with `n` extra fields. */
Value exc_make(Process *p, Value module, const Value *keys, const Value *vals, uint32_t n);

/* %ArgumentError{message: msg} / %RuntimeError{...} / %SystemLimitError{}. */
Value err_argument(Process *p, const char *msg);
Value err_runtime(Process *p, const char *msg);
Value err_system_limit(Process *p);
/* ArgumentError "errors were found at the given arguments:\n\n  * Nth argument: WHY\n". */
Value err_badarg_at(Process *p, int argno, const char *why);
/* ArithmeticError; blame "A OP B" (op infix: "+"), or "OP(A, B)" for div/rem (op "div"). */
Value err_badarith(Process *p, const char *op, Value a, Value b);
/* MatchError / CaseClauseError / TryClauseError / WithClauseError {term} by atom `module`. */
Value err_term(Process *p, Value module, Value term);
Value err_cond(Process *p);
Value err_badmap(Process *p, Value term);
Value err_badfun(Process *p, Value term);
Value err_badbool(Process *p, const char *op, Value term);
/* KeyError: key not found in term (term THE_NON_VALUE: "key :k not found"). */
Value err_key(Process *p, Value key, Value term);
/* KeyError for `term.key` where term is not a map. */
Value err_dot(Process *p, Value key, Value term);
Value err_undef(Process *p, Value module, Value function, uint32_t arity);
/* FunctionClauseError for module.function/arity called with `args` (a list, kept as blame). */
Value err_fclause(Process *p, Value module, Value function, uint32_t arity, Value args);
Value err_badarity(Process *p, Value fun, Value args);
/* Protocol.UndefinedError, e.g. ("Enumerable", 1). */
Value err_protocol(Process *p, const char *protocol, Value v);
/* %CompileError{file, line, description}. */
Value err_compile(Process *p, const char *exception, const char *file, uint32_t line, const char *msg);

/* The raw Erlang reason Elixir's `catch :error, r` sees for exception struct `e` (erlerr.c):
 * :badarith, {:badmatch, t}, :function_clause, :undef, {:badkey, k, m}, :badarg...; errors that
 * Elixir raises as structs itself (RuntimeError, KeyError from Keyword.fetch!...) are returned
 * unchanged. Allocates in p's heap (never collects); THE_NON_VALUE when out of memory. */
Value exc_erlang_reason(Process *p, Value e);

/* p->exc_detail of a KeyError whose raw reason is {:badkey, key} without the map (as
 * :maps.get/2 raises it for Map.fetch!/2): the atom :"$badkey". */
#define ATOM_BADKEY_NO_TERM val_atom_cstr("$badkey")

/* Exception.normalize(:error, reason, stack): the exception struct for a raw Erlang error
 * reason (the inverse of exc_erlang_reason; ErlangError{original: reason} for unknown ones).
 * `stack` (a stacktrace list, or []) names the function for :function_clause and :undef. An
 * exception struct is returned as is. Allocates in p's heap (never collects). */
Value exc_normalize(Process *p, Value reason, Value stack);

/* A one-entry stack trace [{module, function, arity, [file: charlist, line: n]}] for the
 * function `code` at word offset `pc` (ember keeps only where an exception was raised, not
 * the callers). Allocates in p's heap (never collects). */
struct Code;
Value exc_stacktrace(Process *p, const struct Code *code, uint32_t pc);

/* The message of exception struct `e` if it is one of Elixir's own exceptions (as
 * Exception.message/1), else THE_NON_VALUE. Allocates the binary in p's heap. */
Value exc_builtin_message(Process *p, Value e);

/* The first line of the report of an uncaught exception, "** (Name) message" (without the
 * newline) into a malloc'd string, using `message` (a binary) and p's blame detail. */
char *exc_banner(Process *p, Value kind, Value value, Value message);

#endif
