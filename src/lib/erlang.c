/* erlang.c: the few :erlang functions Elixir code calls directly (error/1,2 and raise/3, which
 * take raw Erlang error reasons), Code.ensure_loaded?/1, and the Kernel helpers the compiler
 * emits for try: __catch_reason__/2 (what `catch` sees), __reraise__/2 and __stacktrace__/0.
 * Stack traces are simplified: __STACKTRACE__ is one entry, the function where the caught
 * exception was raised, in Elixir's shape {module, function, arity, [file: charlist, line: n]}. */
#include <string.h>

#include "lib/kernel.h"
#include "lib/libs.h"
#include "vm/error.h"

static Value atom(const char *name) { return val_atom_cstr(name); }

/* :erlang.error(reason): raises with kind :error; rescue sees Exception.normalize's struct. */
static Value erlang_error(Process *p, const Value *a)
{
    return raise_error(p, exc_normalize(p, a[0], VAL_NIL));
}

static Value erlang_error2(Process *p, const Value *a)
{
    return erlang_error(p, a);
}

/* :erlang.raise(kind, reason, stacktrace) as erlang:raise/3; a bad kind is badarg. */
static Value erlang_raise(Process *p, const Value *a)
{
    Value kind = a[0];
    if (!val_is_list(a[2])) return err_argument(p, "argument error");
    if (kind == ATOM_ERROR) raise_error(p, exc_normalize(p, a[1], a[2]));
    else if (kind == ATOM_THROW) raise_throw(p, a[1]);
    else if (kind == ATOM_EXIT_KIND) raise_exit(p, a[1]);
    else return err_argument(p, "argument error");
    proc_ext(p)->exc_stack = a[2];
    return THE_NON_VALUE;
}

/* Code.ensure_loaded?(module): true if the module is defined or can be loaded now. */
static Value code_ensure_loaded_q(Process *p, const Value *a)
{
    (void)p;
    return val_is_atom(a[0]) && module_ensure_loaded(a[0]) ? ATOM_TRUE : ATOM_FALSE;
}

/* Code.ensure_loaded(module): {:module, module} or {:error, :nofile}. */
static Value code_ensure_loaded(Process *p, const Value *a)
{
    Value r[2] = {atom("module"), a[0]};
    if (!val_is_atom(a[0]) || !module_ensure_loaded(a[0])) r[0] = ATOM_ERROR, r[1] = atom("nofile");
    return val_make_tuple_from(&p->arena, r, 2);
}

/* Kernel.__catch_reason__(kind, value): the value a catch clause matches (see erlerr.c). */
static Value kernel_catch_reason(Process *p, const Value *a)
{
    return a[0] == ATOM_ERROR ? exc_erlang_reason(p, a[1]) : a[1];
}

/* Kernel.__reraise__(exception, stacktrace): reraise/2, keeping the given stack trace. */
static Value kernel_reraise(Process *p, const Value *a)
{
    Value r = kernel_raise(p, a);
    if (r == THE_NON_VALUE && proc_cold(p)->exc_kind == ATOM_ERROR && val_is_list(a[1]))
        proc_ext(p)->exc_stack = a[1];
    return r;
}

/* Kernel.__stacktrace__(): __STACKTRACE__ in a rescue/catch clause. */
static Value kernel_stacktrace(Process *p, const Value *a)
{
    (void)a;
    const ProcExt *x = proc_cold(p);
    if (val_is_cons(x->exc_stack)) return x->exc_stack;
    if (!x->catch_code) return VAL_NIL;
    Value st = exc_stacktrace(p, x->catch_code, x->catch_pc);
    return st == THE_NON_VALUE ? VAL_NIL : st;
}

static const Builtin erlang_builtins[] = {
    {"error", 1, erlang_error}, {"error", 2, erlang_error2}, {"raise", 3, erlang_raise},
};

static const Builtin code_builtins[] = {
    {"ensure_loaded?", 1, code_ensure_loaded_q}, {"ensure_loaded", 1, code_ensure_loaded},
};

static const Builtin kernel_try_builtins[] = {
    {"__catch_reason__", 2, kernel_catch_reason}, {"__reraise__", 2, kernel_reraise},
    {"__stacktrace__", 0, kernel_stacktrace},
};

void lib_erlang_init(void)
{
    LIB_REGISTER("erlang", erlang_builtins);
    LIB_REGISTER("Elixir.Code", code_builtins);
    LIB_REGISTER("Elixir.Kernel", kernel_try_builtins);
}
