/* module.h: the global module table and the export table (DESIGN §4).
 *
 * Owns: every defined module (atom -> Module) and every export (module, function, arity) ->
 * Export, the stable cell a remote call site holds. Does not own: compilation (src/compile)
 * or the builtin tables (src/lib), which register themselves here.
 * Thread safety: lookups are lock-free reads of published pointers (acquire loads), so any
 * scheduler thread may call code; definitions, export creation and lazy loading take
 * `module_lock`. An Export is never freed or moved: redefining a module (the shell's r/1)
 * updates the Export's code pointer, so callers see the new code at their next call.
 * Lazy modules: a module written in ember (src/lib/NAME.ex, embedded) is compiled the first
 * time a call reaches one of its undefined exports; NAME is the module name underscored with
 * dots as underscores (Enum -> enum.ex, GenServer -> gen_server.ex, String.Chars ->
 * string_chars.ex).
 */
#ifndef EMBER_MODULE_H
#define EMBER_MODULE_H
#include <stdatomic.h>
#include <stdbool.h>
#include <stdint.h>

#include "lib/builtins.h"
#include "vm/code.h"

/* The target of remote calls to module.name/arity. */
typedef struct Export {
    Value module, name;            /* atoms */
    uint32_t arity;
    _Atomic(const Code *) code;    /* an ember function, or NULL */
    _Atomic(BuiltinFn) native;     /* a C builtin, or NULL (checked first) */
    _Atomic(const Code *) capture; /* the &module.name/arity stub, made on first use */
} Export;

/* Immutable once published by module_define (any thread may read it). */
typedef struct Module {
    Value name;              /* atom, e.g. Elixir.KV.Bucket */
    const char *file;
    Code **funs;             /* every def and defp, in definition order */
    uint32_t nfuns;
    Value struct_template;   /* %Name{} with its defaults, or THE_NON_VALUE */
    Value struct_fields;     /* the field names in defstruct order (a list), or THE_NON_VALUE */
    bool is_exception;       /* defined with defexception */
} Module;

/* Returns the export for module.name/arity, creating an undefined one if needed. Never NULL
 * unless out of memory. Thread-safe. */
Export *export_get(Value module, Value name, uint32_t arity);

/* Returns the export if it exists and is defined (code or native), else NULL. Thread-safe. */
Export *export_find(Value module, Value name, uint32_t arity);

/* The stub code behind &module.name/arity: a fn that tail-calls the export. Made once per
 * export; thread-safe. */
const Code *export_capture(Export *e);

/* Returns the module named `name` once defined (ember or native), else NULL. Thread-safe. */
const Module *module_find(Value name);

/* True if `name` is a known module: defined, native, or available as embedded source. */
bool module_exists(Value name);

/* Publishes `m` (its functions become callable through their exports, private ones are not
 * exported). Replaces an older definition. Thread-safe. */
void module_define(Module *m);

/* Marks module `name` as having its body run (defmodule started, functions not compiled yet),
 * or not; Elixir names that state in UndefinedFunctionError ("function not available"). */
void module_set_defining(Value name, bool defining);
bool module_is_defining(Value name);

/* Registers the C builtins of module `name` (e.g. "Elixir.Kernel", "erlang"), `n` entries. */
void module_register_builtins(const char *name, const Builtin *table, size_t n);

/* If module `name` is written in ember and not loaded yet, compiles and defines it now.
 * Returns true if the module is (now) defined. Thread-safe; may take a while once. */
bool module_ensure_loaded(Value name);

/* Arities of the exported functions called `fname` in module `name`, as a bit set (bit a set
 * for arity a < 64), for "Did you mean" hints and import checks. Thread-safe. */
uint64_t module_export_arities(Value name, Value fname);

/* Calls `fn(x, ctx)` for every defined export (C builtin or loaded ember function) of every
 * module, in atom order, then in the order the exports were created. Modules written in ember
 * are visited only once loaded (module_ensure_loaded). For docs checks and shell completion.
 * Thread-safe; exports added during the walk may be missed. */
void module_each_export(void (*fn)(const Export *x, void *ctx), void *ctx);

/* Registers every builtin module (src/lib) and the atoms they need. Call once at start-up. */
void module_init(void);

#endif
