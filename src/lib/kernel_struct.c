/* kernel_struct.c: Kernel's builtins for structs, exceptions and comprehensions: struct/2,
 * struct!/2, raise/1, throw/1, exit/1, and the helpers compiled code calls: __struct_new__/2
 * (M.__struct__/1), __exception_new__/2 (a defexception's exception/1), __exception__/2
 * (raise mod_var, arg) and __for_result__/3 (the end of a for). */
#include <stdlib.h>
#include <string.h>

#include "lib/kernel.h"
#include "lib/libs.h"
#include "value/inspect.h"
#include "value/map.h"
#include "vm/vminspect.h"
#include "vm/error.h"
#include "vm/module.h"

/* `tmpl` with the {key, value} pairs of `kw` put in; unknown keys raise KeyError when
 * `strict`, else are ignored. */
static Value put_fields(Process *p, Value tmpl, Value kw, bool strict)
{
    if (lib_list_length(kw) < 0) return err_argument(p, "argument error");
    Value m = tmpl;
    for (; val_is_cons(kw); kw = val_tail(kw)) {
        Value t = val_head(kw);
        if (!val_is_tuple(t) || val_tuple_arity(t) != 2) return err_argument(p, "argument error");
        Value k = val_tuple_elems(t)[0];
        if (k == ATOM_STRUCT || map_get(tmpl, k) == THE_NON_VALUE) {
            if (strict) return err_key(p, k, THE_NON_VALUE);
            continue;
        }
        if ((m = map_put(&p->arena, m, k, val_tuple_elems(t)[1])) == THE_NON_VALUE) return err_system_limit(p);
    }
    return m;
}

Value kernel_struct_new(Process *p, const Value *a)
{
    return put_fields(p, a[0], a[1], true);
}

Value kernel_exception_new(Process *p, const Value *a)
{
    if (val_is_binary(a[1])) {
        Value m = map_put(&p->arena, a[0], ATOM_MESSAGE, a[1]);
        return m == THE_NON_VALUE ? err_system_limit(p) : m;
    }
    return put_fields(p, a[0], a[1], true);
}

/* The struct template of `v` (a module atom or a struct), or THE_NON_VALUE after raising. */
static Value template_of(Process *p, Value v)
{
    if (val_is_map(v) && map_struct_name(v) != THE_NON_VALUE) return v;
    if (!val_is_atom(v)) return err_argument(p, "argument error");
    module_ensure_loaded(v);
    const Module *m = module_find(v);
    if (!m || m->struct_template == THE_NON_VALUE) return err_undef(p, v, val_atom_cstr("__struct__"), 0);
    return m->struct_template;
}

Value kernel_struct(Process *p, const Value *a)
{
    Value t = template_of(p, a[0]);
    return t == THE_NON_VALUE ? t : put_fields(p, t, a[1], false);
}

Value kernel_struct_bang(Process *p, const Value *a)
{
    Value t = template_of(p, a[0]);
    return t == THE_NON_VALUE ? t : put_fields(p, t, a[1], true);
}

static Value bad_raise(Process *p, Value v)
{
    StrBuf sb = {0};
    strbuf_puts(&sb, "raise/1 and reraise/2 expect a module name, string or exception as the first "
                     "argument, got: ");
    vm_inspect(&sb, v);
    Value r = err_argument(p, strbuf_cstr(&sb));
    strbuf_free(&sb);
    return r;
}

Value kernel_raise(Process *p, const Value *a)
{
    Value v = a[0];
    if (val_is_binary(v)) {
        Value k = ATOM_MESSAGE;
        return raise_error(p, exc_make(p, ATOM_ELIXIR_RUNTIME_ERROR, &k, &v, 1));
    }
    if (val_is_map(v) && map_get(v, ATOM_EXCEPTION) == ATOM_TRUE) return raise_error(p, v);
    if (val_is_atom(v) && v != ATOM_NIL) {
        Value e = exception_default(p, v);
        if (e != THE_NON_VALUE) return raise_error(p, e);
    }
    return bad_raise(p, v);
}

Value kernel_exception_of(Process *p, const Value *a)
{
    if (!val_is_atom(a[0]) || a[0] == ATOM_NIL) return bad_raise(p, a[0]);
    Value mf[2] = {a[0], val_atom_cstr("exception")};
    Value t = val_make_tuple_from(&p->arena, mf, 2);
    Value args = val_make_cons(&p->arena, a[1], VAL_NIL);
    return builtin_tail_call(p, t, args);
}

Value kernel_throw(Process *p, const Value *a) { return raise_throw(p, a[0]); }
Value kernel_exit(Process *p, const Value *a) { return raise_exit(p, a[0]); }

static Value reverse(Process *p, Value l)
{
    Value r = VAL_NIL;
    for (; val_is_cons(l) && r != THE_NON_VALUE; l = val_tail(l)) r = val_make_cons(&p->arena, val_head(l), r);
    return r;
}

/* `l` without repeated elements (===), first occurrences kept. */
static Value uniq(Process *p, Value l)
{
    Value seen = map_new(&p->arena), out = VAL_NIL;
    for (; val_is_cons(l); l = val_tail(l)) {
        Value x = val_head(l);
        if (map_get(seen, x) != THE_NON_VALUE) continue;
        seen = map_put(&p->arena, seen, x, ATOM_TRUE);
        out = val_make_cons(&p->arena, x, out);
        if (seen == THE_NON_VALUE || out == THE_NON_VALUE) return THE_NON_VALUE;
    }
    return reverse(p, out);
}

static Value into_map(Process *p, Value m, Value list)
{
    for (; val_is_cons(list); list = val_tail(list)) {
        Value t = val_head(list);
        if (!val_is_tuple(t) || val_tuple_arity(t) != 2) return err_argument(p, "argument error");
        m = map_put(&p->arena, m, val_tuple_elems(t)[0], val_tuple_elems(t)[1]);
        if (m == THE_NON_VALUE) return err_system_limit(p);
    }
    return m;
}

static Value into_binary(Process *p, Value b, Value list)
{
    StrBuf sb = {0};
    strbuf_append(&sb, val_binary_bytes(b), val_binary_len(b));
    for (; val_is_cons(list); list = val_tail(list)) {
        Value x = val_head(list);
        if (!val_is_binary(x)) return strbuf_free(&sb), err_argument(p, "argument error");
        strbuf_append(&sb, val_binary_bytes(x), val_binary_len(x));
    }
    return lib_binary_sb(p, &sb);
}

Value kernel_for_result(Process *p, const Value *a)
{
    Value list = reverse(p, a[0]), into = a[1];
    if (list != THE_NON_VALUE && a[2] == ATOM_TRUE) list = uniq(p, list);
    if (list == THE_NON_VALUE) return err_system_limit(p);
    if (into == ATOM_NIL) return list;
    if (val_is_list(into)) {
        Value args[2] = {into, list};
        return kernel_append(p, args);
    }
    if (val_is_binary(into)) return into_binary(p, into, list);
    if (val_is_map(into) && map_struct_name(into) == THE_NON_VALUE) return into_map(p, into, list);
    Value name = val_is_map(into) ? map_struct_name(into) : THE_NON_VALUE;
    if (name == val_atom_cstr("Elixir.MapSet")) {
        Value key = val_atom_cstr("map"), set = map_get(into, key);
        for (; val_is_cons(list); list = val_tail(list)) set = map_put(&p->arena, set, val_head(list), VAL_NIL);
        return map_put(&p->arena, into, key, set);
    }
    return err_protocol(p, "Collectable", into);
}
