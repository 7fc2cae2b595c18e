/* error.c: Elixir's exception structs built from C, their messages (Exception.message/1 for
 * Elixir's own exceptions) and the banner of an uncaught exception (error.h). */
#include "vm/vminspect.h"
#include "vm/error.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "value/inspect.h"
#include "value/map.h"
#include "value/strbuf.h"
#include "vm/module.h"

static Value bin(Process *p, const char *s, size_t len)
{
    return val_make_binary(&p->arena, s, len);
}

static Value cbin(Process *p, const char *s)
{
    return bin(p, s, strlen(s));
}

static Value raise_kind(Process *p, Value kind, Value v)
{
    ProcExt *x = proc_ext(p);
    x->exc_kind = kind;
    x->exc_value = v;
    x->exc_stack = VAL_NIL;
    p->exc_detail = ATOM_NIL;
    return THE_NON_VALUE;
}

Value raise_error(Process *p, Value exception) { return raise_kind(p, ATOM_ERROR, exception); }
Value raise_throw(Process *p, Value value) { return raise_kind(p, ATOM_THROW, value); }
Value raise_exit(Process *p, Value reason) { return raise_kind(p, ATOM_EXIT_KIND, reason); }

Value exc_make(Process *p, Value module, const Value *keys, const Value *vals, uint32_t n)
{
    Value k[12], v[12];
    k[0] = ATOM_STRUCT, v[0] = module;
    k[1] = ATOM_EXCEPTION, v[1] = ATOM_TRUE;
    for (uint32_t i = 0; i < n && i < 10; i++) k[i + 2] = keys[i], v[i + 2] = vals[i];
    return map_from_pairs(&p->arena, k, v, n + 2);
}

static Value raise_fields(Process *p, const char *module, const char *const *names, const Value *vals,
                          uint32_t n)
{
    Value keys[10];
    for (uint32_t i = 0; i < n; i++) keys[i] = val_atom_cstr(names[i]);
    return raise_error(p, exc_make(p, val_atom_cstr(module), keys, vals, n));
}

static Value raise_message(Process *p, const char *module, Value msg)
{
    static const char *const f[] = {"message"};
    return raise_fields(p, module, f, &msg, 1);
}

Value err_argument(Process *p, const char *msg)
{
    return raise_message(p, "Elixir.ArgumentError", cbin(p, msg));
}

Value err_runtime(Process *p, const char *msg)
{
    return raise_message(p, "Elixir.RuntimeError", cbin(p, msg));
}

Value err_system_limit(Process *p)
{
    return raise_message(p, "Elixir.SystemLimitError", cbin(p, "a system limit has been reached"));
}

Value err_badarg_at(Process *p, int argno, const char *why)
{
    static const char *const ord[] = {"1st", "2nd", "3rd", "4th", "5th", "6th", "7th", "8th"};
    char buf[256];
    snprintf(buf, sizeof buf, "errors were found at the given arguments:\n\n  * %s argument: %s\n",
             ord[(argno - 1) & 7], why);
    return err_argument(p, buf);
}

static void set_detail(Process *p, StrBuf *sb)
{
    p->exc_detail = bin(p, sb->data ? sb->data : "", sb->len);
    strbuf_free(sb);
}

Value err_badarith(Process *p, const char *op, Value a, Value b)
{
    raise_message(p, "Elixir.ArithmeticError", cbin(p, "bad argument in arithmetic expression"));
    StrBuf sb = {0};
    bool infix = !(op[0] >= 'a' && op[0] <= 'z');
    if (b == THE_NON_VALUE) {
        strbuf_puts(&sb, op);
        strbuf_puts(&sb, infix ? "" : "(");
        vm_inspect(&sb, a);
        strbuf_puts(&sb, infix ? "" : ")");
    } else {
        if (!infix) strbuf_printf(&sb, "%s(", op);
        vm_inspect(&sb, a);
        strbuf_puts(&sb, infix ? " " : ", ");
        if (infix) strbuf_printf(&sb, "%s ", op);
        vm_inspect(&sb, b);
        if (!infix) strbuf_putc(&sb, ')');
    }
    set_detail(p, &sb);
    return THE_NON_VALUE;
}

Value err_term(Process *p, Value module, Value term)
{
    Value k = val_atom_cstr("term");
    return raise_error(p, exc_make(p, module, &k, &term, 1));
}

Value err_cond(Process *p)
{
    return raise_error(p, exc_make(p, ATOM_ELIXIR_COND_CLAUSE_ERROR, NULL, NULL, 0));
}

Value err_badmap(Process *p, Value term) { return err_term(p, ATOM_ELIXIR_BAD_MAP_ERROR, term); }
Value err_badfun(Process *p, Value term) { return err_term(p, ATOM_ELIXIR_BAD_FUNCTION_ERROR, term); }

Value err_badbool(Process *p, const char *op, Value term)
{
    static const char *const f[] = {"term", "operator"};
    Value v[2] = {term, val_atom_cstr(op)};
    return raise_fields(p, "Elixir.BadBooleanError", f, v, 2);
}

Value err_key(Process *p, Value key, Value term)
{
    static const char *const f[] = {"key", "term", "message"};
    Value v[3] = {key, term == THE_NON_VALUE ? ATOM_NIL : term, ATOM_NIL};
    return raise_fields(p, "Elixir.KeyError", f, v, 3);
}

Value err_dot(Process *p, Value key, Value term)
{
    static const char *const f[] = {"key", "term", "message"};
    StrBuf sb = {0};
    strbuf_puts(&sb, "key ");
    vm_inspect(&sb, key);
    strbuf_puts(&sb, " not found in: ");
    vm_inspect(&sb, term);
    strbuf_puts(&sb, ". If you are using the dot syntax, such as map.field, make sure the "
                     "left-hand side of the dot is a map");
    Value v[3] = {key, term, bin(p, sb.data, sb.len)};
    strbuf_free(&sb);
    return raise_fields(p, "Elixir.KeyError", f, v, 3);
}

Value err_undef(Process *p, Value module, Value function, uint32_t arity)
{
    static const char *const f[] = {"module", "function", "arity", "reason", "message"};
    Value v[5] = {module, function, val_small(arity), ATOM_NIL, ATOM_NIL};
    return raise_fields(p, "Elixir.UndefinedFunctionError", f, v, 5);
}

Value err_fclause(Process *p, Value module, Value function, uint32_t arity, Value args)
{
    static const char *const f[] = {"module", "function", "arity", "kind", "args", "clauses"};
    Value v[6] = {module, function, val_small(arity), ATOM_NIL, ATOM_NIL, ATOM_NIL};
    raise_fields(p, "Elixir.FunctionClauseError", f, v, 6);
    p->exc_detail = args;
    return THE_NON_VALUE;
}

Value err_badarity(Process *p, Value fun, Value args)
{
    static const char *const f[] = {"function", "args"};
    Value v[2] = {fun, args};
    return raise_fields(p, "Elixir.BadArityError", f, v, 2);
}

Value err_protocol(Process *p, const char *protocol, Value v)
{
    static const char *const f[] = {"protocol", "value", "description"};
    char mod[128];
    snprintf(mod, sizeof mod, "Elixir.%s", protocol);
    Value vals[3] = {val_atom_cstr(mod), v, bin(p, "", 0)};
    return raise_fields(p, "Elixir.Protocol.UndefinedError", f, vals, 3);
}

Value err_compile(Process *p, const char *exception, const char *file, uint32_t line, const char *msg)
{
    if (exception) return raise_message(p, exception, cbin(p, msg));
    static const char *const f[] = {"file", "line", "description"};
    Value v[3] = {cbin(p, file ? file : "nofile"), val_small(line), cbin(p, msg)};
    return raise_fields(p, "Elixir.CompileError", f, v, 3);
}
