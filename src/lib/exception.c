/* exception.c: the Exception module (message/1) and Elixir's own exception modules
 * (RuntimeError, ArgumentError, KeyError, ...), each with exception/1 and message/1, so that
 * `raise ArgumentError, "x"` and `raise KeyError, key: :a` build the structs Elixir builds. */
#include <string.h>

#include "lib/kernel.h"
#include "rt/perm.h"
#include "lib/libs.h"
#include "value/map.h"
#include "vm/error.h"
#include "vm/module.h"

typedef struct ExcInfo {
    const char *module;       /* "Elixir.RuntimeError" */
    const char *fields[6];    /* besides __struct__ and __exception__ */
    const char *message;      /* default :message, or NULL for none/nil */
} ExcInfo;

enum {
    EXC_RUNTIME, EXC_ARGUMENT, EXC_ARITHMETIC, EXC_SYSTEM_LIMIT, EXC_KEY, EXC_MATCH, EXC_CASE,
    EXC_COND, EXC_TRY, EXC_WITH, EXC_BAD_MAP, EXC_BAD_FUNCTION, EXC_BAD_BOOLEAN, EXC_BAD_ARITY,
    EXC_FUNCTION_CLAUSE, EXC_UNDEFINED_FUNCTION, EXC_PROTOCOL, EXC_ERLANG, EXC_COMPILE,
    EXC_UNICODE, EXC_ENUM_EMPTY, EXC_ENUM_BOUNDS, EXC_COUNT
};

static const ExcInfo excs[EXC_COUNT] = {
    [EXC_RUNTIME] = {"Elixir.RuntimeError", {"message"}, "runtime error"},
    [EXC_ARGUMENT] = {"Elixir.ArgumentError", {"message"}, "argument error"},
    [EXC_ARITHMETIC] = {"Elixir.ArithmeticError", {"message"}, "bad argument in arithmetic expression"},
    [EXC_SYSTEM_LIMIT] = {"Elixir.SystemLimitError", {"message"}, "a system limit has been reached"},
    [EXC_KEY] = {"Elixir.KeyError", {"key", "term", "message"}, NULL},
    [EXC_MATCH] = {"Elixir.MatchError", {"term"}, NULL},
    [EXC_CASE] = {"Elixir.CaseClauseError", {"term"}, NULL},
    [EXC_COND] = {"Elixir.CondClauseError", {NULL}, NULL},
    [EXC_TRY] = {"Elixir.TryClauseError", {"term"}, NULL},
    [EXC_WITH] = {"Elixir.WithClauseError", {"term"}, NULL},
    [EXC_BAD_MAP] = {"Elixir.BadMapError", {"term"}, NULL},
    [EXC_BAD_FUNCTION] = {"Elixir.BadFunctionError", {"term"}, NULL},
    [EXC_BAD_BOOLEAN] = {"Elixir.BadBooleanError", {"term", "operator"}, NULL},
    [EXC_BAD_ARITY] = {"Elixir.BadArityError", {"function", "args"}, NULL},
    [EXC_FUNCTION_CLAUSE] = {"Elixir.FunctionClauseError", {"module", "function", "arity", "kind", "args", "clauses"}, NULL},
    [EXC_UNDEFINED_FUNCTION] = {"Elixir.UndefinedFunctionError", {"module", "function", "arity", "reason", "message"}, NULL},
    [EXC_PROTOCOL] = {"Elixir.Protocol.UndefinedError", {"protocol", "value", "description"}, NULL},
    [EXC_ERLANG] = {"Elixir.ErlangError", {"original", "reason"}, NULL},
    [EXC_COMPILE] = {"Elixir.CompileError", {"file", "line", "description"}, NULL},
    [EXC_UNICODE] = {"Elixir.UnicodeConversionError", {"encoded", "message"}, NULL},
    [EXC_ENUM_EMPTY] = {"Elixir.Enum.EmptyError", {"message"}, "empty error"},
    [EXC_ENUM_BOUNDS] = {"Elixir.Enum.OutOfBoundsError", {"message"}, "out of bounds error"},
};

/* The default struct of builtin exception `i`, allocated in `a`. */
static Value exc_template_in(Arena *a, int i)
{
    Value keys[8], vals[8];
    uint32_t n = 0;
    keys[n] = ATOM_STRUCT, vals[n++] = val_atom_cstr(excs[i].module);
    keys[n] = ATOM_EXCEPTION, vals[n++] = ATOM_TRUE;
    for (int f = 0; f < 6 && excs[i].fields[f]; f++, n++) {
        keys[n] = val_atom_cstr(excs[i].fields[f]);
        const char *text = strcmp(excs[i].fields[f], "message") == 0 ? excs[i].message
                         : i == EXC_COMPILE && f == 2 ? "compile error" : NULL;
        vals[n] = text ? val_make_binary(a, text, strlen(text)) : ATOM_NIL;
    }
    return map_from_pairs(a, keys, vals, n);
}

static Value exc_template(Process *p, int i)
{
    return exc_template_in(&p->arena, i);
}

/* Defines builtin exception `i` as a struct module (template and field order), with no
 * ember functions: its exception/1 and message/1 are builtins. */
static void define_struct(Arena *lit, int i)
{
    Module *m = perm_alloc(sizeof *m);
    m->name = val_atom_cstr(excs[i].module);
    m->file = "nofile";
    m->struct_template = exc_template_in(lit, i);
    Value fields[6];
    int n = 0;
    for (; n < 6 && excs[i].fields[n]; n++) fields[n] = val_atom_cstr(excs[i].fields[n]);
    m->struct_fields = val_make_list(lit, fields, (size_t)n, VAL_NIL);
    m->is_exception = true;
    module_define(m);
}

Value exception_default(Process *p, Value module)
{
    for (int i = 0; i < EXC_COUNT; i++)
        if (module == val_atom_cstr(excs[i].module)) return exc_template(p, i);
    module_ensure_loaded(module);
    const Module *m = module_find(module);
    return m && m->is_exception ? m->struct_template : THE_NON_VALUE;
}

/* exception/1 of builtin exception `i`: a message string or keyword fields. */
static Value build(Process *p, int i, Value arg)
{
    Value args[2] = {exc_template(p, i), arg};
    if (arg == VAL_NIL) return args[0];
    return kernel_exception_new(p, args);
}

static Value runtime_error_exception(Process *p, const Value *a) { return build(p, EXC_RUNTIME, a[0]); }
static Value argument_error_exception(Process *p, const Value *a) { return build(p, EXC_ARGUMENT, a[0]); }
static Value arithmetic_error_exception(Process *p, const Value *a) { return build(p, EXC_ARITHMETIC, a[0]); }
static Value system_limit_error_exception(Process *p, const Value *a) { return build(p, EXC_SYSTEM_LIMIT, a[0]); }
static Value key_error_exception(Process *p, const Value *a) { return build(p, EXC_KEY, a[0]); }
static Value match_error_exception(Process *p, const Value *a) { return build(p, EXC_MATCH, a[0]); }
static Value case_clause_error_exception(Process *p, const Value *a) { return build(p, EXC_CASE, a[0]); }
static Value cond_clause_error_exception(Process *p, const Value *a) { return build(p, EXC_COND, a[0]); }
static Value try_clause_error_exception(Process *p, const Value *a) { return build(p, EXC_TRY, a[0]); }
static Value with_clause_error_exception(Process *p, const Value *a) { return build(p, EXC_WITH, a[0]); }
static Value bad_map_error_exception(Process *p, const Value *a) { return build(p, EXC_BAD_MAP, a[0]); }
static Value bad_function_error_exception(Process *p, const Value *a) { return build(p, EXC_BAD_FUNCTION, a[0]); }
static Value bad_boolean_error_exception(Process *p, const Value *a) { return build(p, EXC_BAD_BOOLEAN, a[0]); }
static Value bad_arity_error_exception(Process *p, const Value *a) { return build(p, EXC_BAD_ARITY, a[0]); }
static Value function_clause_error_exception(Process *p, const Value *a) { return build(p, EXC_FUNCTION_CLAUSE, a[0]); }
static Value undefined_function_error_exception(Process *p, const Value *a) { return build(p, EXC_UNDEFINED_FUNCTION, a[0]); }
static Value protocol_undefined_error_exception(Process *p, const Value *a) { return build(p, EXC_PROTOCOL, a[0]); }
static Value erlang_error_exception(Process *p, const Value *a) { return build(p, EXC_ERLANG, a[0]); }
static Value compile_error_exception(Process *p, const Value *a) { return build(p, EXC_COMPILE, a[0]); }
static Value unicode_conversion_error_exception(Process *p, const Value *a) { return build(p, EXC_UNICODE, a[0]); }
static Value enum_empty_error_exception(Process *p, const Value *a) { return build(p, EXC_ENUM_EMPTY, a[0]); }
static Value enum_out_of_bounds_error_exception(Process *p, const Value *a) { return build(p, EXC_ENUM_BOUNDS, a[0]); }

static const BuiltinFn exception_fns[EXC_COUNT] = {
    runtime_error_exception, argument_error_exception, arithmetic_error_exception,
    system_limit_error_exception, key_error_exception, match_error_exception,
    case_clause_error_exception, cond_clause_error_exception, try_clause_error_exception,
    with_clause_error_exception, bad_map_error_exception, bad_function_error_exception,
    bad_boolean_error_exception, bad_arity_error_exception, function_clause_error_exception,
    undefined_function_error_exception, protocol_undefined_error_exception, erlang_error_exception,
    compile_error_exception, unicode_conversion_error_exception, enum_empty_error_exception,
    enum_out_of_bounds_error_exception,
};

/* Exception.message/1 (also every builtin exception's message/1). */
static Value exception_message(Process *p, const Value *a)
{
    Value e = a[0];
    Value name = val_is_map(e) ? map_struct_name(e) : THE_NON_VALUE;
    if (name == THE_NON_VALUE || map_get(e, ATOM_EXCEPTION) != ATOM_TRUE)
        return err_argument(p, "argument error");
    Value m = exc_builtin_message(p, e);
    if (m != THE_NON_VALUE) return m;
    for (int i = 0; i < EXC_COUNT; i++)
        if (name == val_atom_cstr(excs[i].module)) {
            Value msg = map_get(e, ATOM_MESSAGE);
            return msg == THE_NON_VALUE ? lib_binary(p, "") : msg;
        }
    Value mf[2] = {name, ATOM_MESSAGE};
    return builtin_tail_call(p, val_make_tuple_from(&p->arena, mf, 2), val_make_cons(&p->arena, e, VAL_NIL));
}

static const Builtin exception_builtins[] = {
    {"message", 1, exception_message},
};

void lib_exception_init(void)
{
    LIB_REGISTER("Elixir.Exception", exception_builtins);
    Arena *lit = perm_alloc(sizeof *lit);
    arena_init(lit);
    for (int i = 0; i < EXC_COUNT; i++) {
        define_struct(lit, i);
        Builtin b[2] = {{"exception", 1, exception_fns[i]}, {"message", 1, exception_message}};
        module_register_builtins(excs[i].module, b, 2);
    }
}
