/* atom.h: the global atom table (DESIGN §3). Atoms are interned once and never freed; a Value
 * holds the atom's index. The atoms the C code names are fixed at start-up, in the order of
 * ATOM_LIST, so `ATOM_OK` is a compile-time constant. Interning is thread-safe: lookups are
 * lock-free reads of published entries, insertions take the table's mutex. */
#ifndef EMBER_ATOM_H
#define EMBER_ATOM_H
#include <stddef.h>
#include <stdint.h>

/* X(C_NAME, "text"): every atom C code refers to. nil, true and false come first. */
#define ATOM_LIST(X) \
    X(NIL, "nil") X(TRUE, "true") X(FALSE, "false") \
    X(OK, "ok") X(ERROR, "error") X(EXIT, "EXIT") X(DOWN, "DOWN") X(NORMAL, "normal") \
    X(KILL, "kill") X(KILLED, "killed") X(NOPROC, "noproc") X(PROCESS, "process") \
    X(INFINITY, "infinity") X(UNDEFINED, "undefined") X(THROW, "throw") X(EXIT_KIND, "exit") \
    X(STRUCT, "__struct__") X(EXCEPTION, "__exception__") X(MESSAGE, "message") \
    X(TRAP_EXIT, "trap_exit") X(MAX_HEAP_SIZE, "max_heap_size") X(FLUSH, "flush") \
    X(ELIXIR_RUNTIME_ERROR, "Elixir.RuntimeError") \
    X(ELIXIR_ARGUMENT_ERROR, "Elixir.ArgumentError") \
    X(ELIXIR_ARITHMETIC_ERROR, "Elixir.ArithmeticError") \
    X(ELIXIR_MATCH_ERROR, "Elixir.MatchError") \
    X(ELIXIR_CASE_CLAUSE_ERROR, "Elixir.CaseClauseError") \
    X(ELIXIR_COND_CLAUSE_ERROR, "Elixir.CondClauseError") \
    X(ELIXIR_FUNCTION_CLAUSE_ERROR, "Elixir.FunctionClauseError") \
    X(ELIXIR_UNDEFINED_FUNCTION_ERROR, "Elixir.UndefinedFunctionError") \
    X(ELIXIR_BAD_ARITY_ERROR, "Elixir.BadArityError") \
    X(ELIXIR_BAD_FUNCTION_ERROR, "Elixir.BadFunctionError") \
    X(ELIXIR_BAD_MAP_ERROR, "Elixir.BadMapError") \
    X(ELIXIR_KEY_ERROR, "Elixir.KeyError") \
    X(ELIXIR_SYSTEM_LIMIT_ERROR, "Elixir.SystemLimitError") \
    X(ELIXIR_PROTOCOL_UNDEFINED_ERROR, "Elixir.Protocol.UndefinedError") \
    X(ELIXIR_ERLANG_ERROR, "Elixir.ErlangError") \
    X(ELIXIR_WITH_CLAUSE_ERROR, "Elixir.WithClauseError") \
    X(ELIXIR_TRY_CLAUSE_ERROR, "Elixir.TryClauseError") \
    X(ELIXIR_RECEIVE_CLAUSE_ERROR, "Elixir.ReceiveClauseError")

enum AtomIndex {
#define X(c, s) ATOM_INDEX_##c,
    ATOM_LIST(X)
#undef X
    ATOM_FIXED_COUNT
};

/* The fixed atoms as Values (see value.h: index << 6 | 000100); constants, usable in `case`. */
enum AtomValue {
#define X(c, s) ATOM_##c = (ATOM_INDEX_##c << 6) | 4,
    ATOM_LIST(X)
#undef X
};

/* The most atoms the table holds (BEAM's default limit); interning more fails. */
#define ATOM_LIMIT (1u << 20)

/* Interns `len` bytes of `name` and returns the atom's index. Thread-safe. Returns UINT32_MAX
 * if the table is full (as BEAM's system_limit: 1,048,576 atoms) or memory ran out. */
uint32_t atom_intern(const char *name, size_t len);

/* Returns the index of an existing atom, or UINT32_MAX if `name` was never interned
 * (as String.to_existing_atom/1). Thread-safe. */
uint32_t atom_lookup(const char *name, size_t len);

/* The text of atom `index` (NUL-terminated, valid forever) and its length in bytes. */
const char *atom_name(uint32_t index);
size_t atom_len(uint32_t index);

/* How many atoms exist now (fixed ones included). Thread-safe. */
uint32_t atom_count(void);

/* Fills the table with ATOM_LIST. Call once before anything else; idempotent. */
void atom_init(void);

#endif
