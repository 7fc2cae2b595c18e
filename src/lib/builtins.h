/* builtins.h: how a built-in function written in C looks, for everyone adding one to src/lib.
 *
 * A builtin is `Value fn(Process *p, const Value *args)`: `args` holds exactly the registered
 * arity of arguments (read-only, valid for the whole call). It allocates in &p->arena
 * (val_make_*, map_*, ...); allocation never collects, so Values held in C locals stay valid
 * until the builtin returns. It returns its result, or THE_NON_VALUE after one of:
 *   - raising: `return err_argument(p, "...");` (src/vm/error.h has a constructor per Elixir
 *     exception: err_badarg, err_badarith, err_key, err_badmap, err_match, ... and
 *     raise_error/raise_throw/raise_exit for any value);
 *   - asking the VM to call ember code next: `return builtin_tail_call(p, fun, arglist);`.
 *     The VM calls `fun` (a fun value, or an atom {module, function} pair built with
 *     builtin_mfa) with the list's elements, and that call's result becomes the builtin's
 *     result. This is how apply/2 works, and the only way C may run ember code: a builtin
 *     never runs the VM itself (the VM is stackless; a C callback would pin the process to
 *     this C stack). Higher-order library functions (Enum.map, ...) are therefore written in
 *     ember, in src/lib/MODULE.ex, and compiled lazily on first use (see vm/module.h); they may
 *     call C builtins of their own module as local functions.
 * Registration: each src/lib/NAME.c has one table `static const Builtin NAME_builtins[] =
 * {{"name", arity, fn}, ...}` and a `void lib_NAME_init(void)` calling module_register_builtins;
 * lib_init (lib.c) calls every one. Each function is a real named C function (kernel_length,
 * io_puts, ...), never macro-generated.
 * Guards may call a builtin when its table entry is in guard_safe (lib.c); a guard's raise
 * just makes the guard fail.
 */
#ifndef EMBER_BUILTINS_H
#define EMBER_BUILTINS_H
#include <stddef.h>
#include <stdint.h>

#include "value/value.h"

struct Process;

typedef Value (*BuiltinFn)(struct Process *p, const Value *args);

/* One entry of a module's builtin table. */
typedef struct Builtin {
    const char *name;   /* function name, e.g. "length" */
    uint32_t arity;
    BuiltinFn fn;
} Builtin;

/* Asks the VM to call `fun` with the elements of the proper list `args` once the builtin
 * returns; the callee's result is the builtin's result. `fun` is a fun value or a 2-tuple
 * {module_atom, function_atom}. Always returns THE_NON_VALUE (return it directly). */
Value builtin_tail_call(struct Process *p, Value fun, Value args);

/* Registers every builtin module of src/lib. Called once by module_init. */
void lib_init(void);

/* True if Kernel function name/arity may be called in a guard. */
int lib_guard_safe(const char *name, uint32_t arity);

#endif
