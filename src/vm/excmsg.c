/* excmsg.c: the messages of Elixir's own exceptions (Exception.message/1) and the first lines
 * of an uncaught exception's report (error.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "value/inspect.h"
#include "value/map.h"
#include "value/strbuf.h"
#include "vm/vminspect.h"
#include "vm/error.h"
#include "vm/module.h"

static Value field(Value e, const char *name)
{
    Value v = map_get(e, val_atom_cstr(name));
    return v == THE_NON_VALUE ? ATOM_NIL : v;
}

/* Appends `a` as a module name: Foo.Bar for Elixir aliases, :foo for others. */
static void put_module(StrBuf *sb, Value a)
{
    vm_inspect(sb, a);
}

/* Appends function name atom `a` as Elixir prints it in M.f/1 (f, or "odd name"). */
static void put_fname(StrBuf *sb, Value a)
{
    StrBuf t = {0};
    vm_inspect(&t, a);
    const char *s = strbuf_cstr(&t);
    strbuf_puts(sb, s[0] == ':' ? s + 1 : s);
    strbuf_free(&t);
}

static bool name_is(Value name, const char *text)
{
    return val_is_atom(name) && strcmp(atom_name(val_atom_index(name)), text) == 0;
}

static void term_message(StrBuf *sb, const char *prefix, Value e, const char *key)
{
    strbuf_puts(sb, prefix);
    inspect_append(sb, field(e, key), NULL);
}

/* "anonymous fn/1 in M.f/2" for a fun's function name "-f/2-fun-0-", else "M.f/1". */
static void put_mfa(StrBuf *sb, Value module, Value fname, Value arity)
{
    const char *f = val_is_atom(fname) ? atom_name(val_atom_index(fname)) : "";
    const char *slash = strchr(f, '/');
    if (f[0] == '-' && slash && strstr(f, "-fun-")) {
        strbuf_printf(sb, "anonymous fn/%lld in ", (long long)val_small_get(arity));
        put_module(sb, module);
        strbuf_printf(sb, ".%.*s", (int)(strstr(f, "-fun-") - f - 1), f + 1);
        return;
    }
    put_module(sb, module);
    strbuf_putc(sb, '.');
    put_fname(sb, fname);
    strbuf_printf(sb, "/%lld", (long long)val_small_get(arity));
}

static void undef_message(StrBuf *sb, Value e)
{
    Value m = field(e, "module");
    strbuf_puts(sb, "function ");
    put_mfa(sb, m, field(e, "function"), field(e, "arity"));
    if (module_exists(m)) {
        strbuf_puts(sb, " is undefined or private");
        return;
    }
    if (module_is_defining(m)) {
        strbuf_puts(sb, " is undefined (function not available)");
        return;
    }
    strbuf_puts(sb, " is undefined (module ");
    put_module(sb, m);
    strbuf_puts(sb, " is not available)");
}

static void badarity_message(StrBuf *sb, Value e)
{
    Value args = field(e, "args");
    size_t n = 0;
    for (Value l = args; val_is_cons(l); l = val_tail(l)) n++;
    Value fun = field(e, "function");
    vm_inspect(sb, fun);
    strbuf_printf(sb, " with arity %u called with ", val_is_fun(fun) ? val_fun_info(fun)->arity : 0);
    if (n == 0) {
        strbuf_puts(sb, "no arguments");
        return;
    }
    strbuf_printf(sb, "%zu argument%s (", n, n == 1 ? "" : "s");
    for (Value l = args; val_is_cons(l); l = val_tail(l)) {
        vm_inspect(sb, val_head(l));
        if (val_is_cons(val_tail(l))) strbuf_puts(sb, ", ");
    }
    strbuf_putc(sb, ')');
}

static void protocol_message(StrBuf *sb, Value e)
{
    Value v = field(e, "value");
    strbuf_puts(sb, "protocol ");
    put_module(sb, field(e, "protocol"));
    strbuf_puts(sb, " not implemented for ");
    vm_inspect(sb, v);
    strbuf_puts(sb, " of type ");
    Value s = val_is_map(v) ? map_struct_name(v) : THE_NON_VALUE;
    if (s != THE_NON_VALUE) {
        put_module(sb, s);
        strbuf_puts(sb, " (a struct)");
        return;
    }
    static const char *const names[] = {"Integer", "Float", "Atom", "BitString", "List", "Tuple",
                                        "Function", "PID", "Reference", "Map"};
    int i = val_is_int(v) ? 0 : val_is_float(v) ? 1 : val_is_atom(v) ? 2 : val_is_binary(v) ? 3
          : val_is_list(v) ? 4 : val_is_tuple(v) ? 5 : val_is_fun(v) ? 6 : val_is_pid(v) ? 7
          : val_is_ref(v) ? 8 : 9;
    strbuf_puts(sb, names[i]);
}

static void keyerror_message(StrBuf *sb, Value e)
{
    Value msg = field(e, "message");
    if (val_is_binary(msg)) {
        strbuf_append(sb, val_binary_bytes(msg), val_binary_len(msg));
        return;
    }
    strbuf_puts(sb, "key ");
    inspect_append(sb, field(e, "key"), NULL);
    strbuf_puts(sb, " not found");
    if (field(e, "term") != ATOM_NIL) {
        strbuf_puts(sb, " in: ");
        inspect_append(sb, field(e, "term"), NULL);
    }
}

/* Appends the message of a builtin exception named `name`; false if it is not one. */
static bool builtin_message(StrBuf *sb, Value name, Value e)
{
    if (name_is(name, "Elixir.MatchError")) term_message(sb, "no match of right hand side value: ", e, "term");
    else if (name_is(name, "Elixir.CaseClauseError")) term_message(sb, "no case clause matching: ", e, "term");
    else if (name_is(name, "Elixir.TryClauseError")) term_message(sb, "no try clause matching: ", e, "term");
    else if (name_is(name, "Elixir.WithClauseError")) term_message(sb, "no with clause matching: ", e, "term");
    else if (name_is(name, "Elixir.BadMapError")) term_message(sb, "expected a map, got: ", e, "term");
    else if (name_is(name, "Elixir.BadFunctionError")) term_message(sb, "expected a function, got: ", e, "term");
    else if (name_is(name, "Elixir.ErlangError")) term_message(sb, "Erlang error: ", e, "original");
    else if (name_is(name, "Elixir.CondClauseError")) strbuf_puts(sb, "no cond clause evaluated to a truthy value");
    else if (name_is(name, "Elixir.BadBooleanError")) {
        strbuf_printf(sb, "expected a boolean on left-side of \"%s\", got: ",
                      atom_name(val_atom_index(field(e, "operator"))));
        inspect_append(sb, field(e, "term"), NULL);
    } else if (name_is(name, "Elixir.FunctionClauseError")) {
        strbuf_puts(sb, "no function clause matching in ");
        put_mfa(sb, field(e, "module"), field(e, "function"), field(e, "arity"));
    } else if (name_is(name, "Elixir.UndefinedFunctionError") && field(e, "message") == ATOM_NIL) {
        undef_message(sb, e);
    } else if (name_is(name, "Elixir.BadArityError")) badarity_message(sb, e);
    else if (name_is(name, "Elixir.Protocol.UndefinedError")) protocol_message(sb, e);
    else if (name_is(name, "Elixir.KeyError")) keyerror_message(sb, e);
    else if (name_is(name, "Elixir.CompileError")) {
        Value file = field(e, "file"), line = field(e, "line");
        if (val_is_binary(file)) strbuf_printf(sb, "%.*s:%lld: ", (int)val_binary_len(file), val_binary_bytes(file), (long long)(val_is_small(line) ? val_small_get(line) : 0));
        Value d = field(e, "description");
        if (val_is_binary(d)) strbuf_append(sb, val_binary_bytes(d), val_binary_len(d));
    } else {
        /* Elixir's other exceptions (RuntimeError, ArgumentError, ...) are struct modules with
         * no ember functions (lib/exception.c): their message is the field. */
        const Module *m = module_find(name);
        Value msg = map_get(e, ATOM_MESSAGE);
        if (!m || m->nfuns != 0 || !m->is_exception || !val_is_binary(msg)) return false;
        strbuf_append(sb, val_binary_bytes(msg), val_binary_len(msg));
    }
    return true;
}

Value exc_builtin_message(Process *p, Value e)
{
    Value name = val_is_map(e) ? map_struct_name(e) : THE_NON_VALUE;
    if (name == THE_NON_VALUE) return THE_NON_VALUE;
    StrBuf sb = {0};
    if (!builtin_message(&sb, name, e)) {
        strbuf_free(&sb);
        return THE_NON_VALUE;
    }
    Value r = val_make_binary(&p->arena, sb.data ? sb.data : "", sb.len);
    strbuf_free(&sb);
    return r;
}

/* "    \n    The following arguments were given to M.f/1:\n..." after the first line. */
static void fclause_args(StrBuf *sb, Value e, Value args)
{
    strbuf_puts(sb, "    \n    \n    The following arguments were given to ");
    put_mfa(sb, field(e, "module"), field(e, "function"), field(e, "arity"));
    strbuf_puts(sb, ":\n    \n");
    int i = 1;
    for (Value l = args; val_is_cons(l); l = val_tail(l), i++) {
        strbuf_printf(sb, "        # %d\n        ", i);
        vm_inspect(sb, val_head(l));
        strbuf_puts(sb, "\n    \n");
    }
}

/* ". Did you mean:\n\n      * f/1\n" when the module exports the name with other arities. */
static void undef_hint(StrBuf *sb, Value e)
{
    Value m = field(e, "module"), f = field(e, "function"), a = field(e, "arity");
    if (!module_exists(m) || !val_is_atom(f)) return;
    uint64_t arities = module_export_arities(m, f);
    if (val_is_small(a) && val_small_get(a) < 64) arities &= ~(UINT64_C(1) << val_small_get(a));
    if (!arities) return;
    strbuf_puts(sb, ". Did you mean:\n\n");
    for (int i = 0; i < 64; i++) {
        if (!(arities & (UINT64_C(1) << i))) continue;
        strbuf_puts(sb, "      * ");
        put_fname(sb, f);
        strbuf_printf(sb, "/%d\n", i);
    }
}

char *exc_banner(Process *p, Value kind, Value value, Value message)
{
    StrBuf sb = {0};
    if (kind != ATOM_ERROR) {
        strbuf_puts(&sb, kind == ATOM_THROW ? "** (throw) " : "** (exit) ");
        vm_inspect(&sb, value);
        return strdup(strbuf_cstr(&sb));
    }
    Value name = val_is_map(value) ? map_struct_name(value) : THE_NON_VALUE;
    const char *n = name == THE_NON_VALUE ? "Elixir.ErlangError" : atom_name(val_atom_index(name));
    strbuf_printf(&sb, "** (%s) ", strncmp(n, "Elixir.", 7) == 0 ? n + 7 : n);
    if (val_is_binary(message)) strbuf_append(&sb, val_binary_bytes(message), val_binary_len(message));
    if (name_is(name, "Elixir.ArithmeticError") && val_is_binary(p->exc_detail)) {
        strbuf_puts(&sb, ": ");
        strbuf_append(&sb, val_binary_bytes(p->exc_detail), val_binary_len(p->exc_detail));
    } else if (name_is(name, "Elixir.FunctionClauseError") && val_is_list(p->exc_detail)) {
        fclause_args(&sb, value, p->exc_detail);
    } else if (name_is(name, "Elixir.UndefinedFunctionError") && field(value, "message") == ATOM_NIL) {
        undef_hint(&sb, value);
    }
    char *r = strdup(strbuf_cstr(&sb));
    strbuf_free(&sb);
    return r;
}
