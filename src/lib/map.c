/* map.c: the first-order functions of the Map module and Access.get/2 (what `data[key]`
 * compiles to). Higher-order ones (Map.new/2, Map.update/4, ...) belong in src/lib/map.ex. */
#include "lib/libs.h"
#include "value/map.h"
#include "vm/error.h"

static bool is_plain_or_struct_map(Value m)
{
    return val_is_map(m);
}

static Value map_get2(Process *p, const Value *a)
{
    if (!is_plain_or_struct_map(a[0])) return err_badmap(p, a[0]);
    Value v = map_get(a[0], a[1]);
    return v == THE_NON_VALUE ? ATOM_NIL : v;
}

static Value map_get3(Process *p, const Value *a)
{
    if (!is_plain_or_struct_map(a[0])) return err_badmap(p, a[0]);
    Value v = map_get(a[0], a[1]);
    return v == THE_NON_VALUE ? a[2] : v;
}

static Value map_put3(Process *p, const Value *a)
{
    if (!is_plain_or_struct_map(a[0])) return err_badmap(p, a[0]);
    Value m = map_put(&p->arena, a[0], a[1], a[2]);
    return m == THE_NON_VALUE ? err_system_limit(p) : m;
}

static Value map_fetch(Process *p, const Value *a)
{
    if (!is_plain_or_struct_map(a[0])) return err_badmap(p, a[0]);
    Value v = map_get(a[0], a[1]);
    if (v == THE_NON_VALUE) return val_atom_cstr("error");
    Value t[2] = {ATOM_OK, v};
    return val_make_tuple_from(&p->arena, t, 2);
}

static Value map_fetch_bang(Process *p, const Value *a)
{
    if (!is_plain_or_struct_map(a[0])) return err_badmap(p, a[0]);
    Value v = map_get(a[0], a[1]);
    return v == THE_NON_VALUE ? err_key(p, a[1], a[0]) : v;
}

static Value map_has_key(Process *p, const Value *a)
{
    if (!is_plain_or_struct_map(a[0])) return err_badmap(p, a[0]);
    return val_bool(map_get(a[0], a[1]) != THE_NON_VALUE);
}

/* The keys (which = 0), values (1) or {k, v} pairs (2) of `m` in order. */
static Value entries(Process *p, Value m, int which)
{
    if (!val_is_map(m)) return err_badmap(p, m);
    Value list = VAL_NIL;
    for (size_t i = map_size(m); i-- > 0 && list != THE_NON_VALUE;) {
        Value kv[2];
        map_nth(m, i, &kv[0], &kv[1]);
        Value item = which < 2 ? kv[which] : val_make_tuple_from(&p->arena, kv, 2);
        list = val_make_cons(&p->arena, item, list);
    }
    return list == THE_NON_VALUE ? err_system_limit(p) : list;
}

static Value map_keys(Process *p, const Value *a) { return entries(p, a[0], 0); }
static Value map_values(Process *p, const Value *a) { return entries(p, a[0], 1); }
static Value map_to_list(Process *p, const Value *a) { return entries(p, a[0], 2); }

static Value map_delete(Process *p, const Value *a)
{
    if (!val_is_map(a[0])) return err_badmap(p, a[0]);
    Value m = map_remove(&p->arena, a[0], a[1]);
    return m == THE_NON_VALUE ? err_system_limit(p) : m;
}

static Value map_new0(Process *p, const Value *a)
{
    (void)a;
    return map_new(&p->arena);
}

static Value map_merge(Process *p, const Value *a)
{
    if (!val_is_map(a[0])) return err_badmap(p, a[0]);
    if (!val_is_map(a[1])) return err_badmap(p, a[1]);
    Value m = a[0];
    for (size_t i = 0; i < map_size(a[1]) && m != THE_NON_VALUE; i++) {
        Value k, v;
        map_nth(a[1], i, &k, &v);
        m = map_put(&p->arena, m, k, v);
    }
    return m == THE_NON_VALUE ? err_system_limit(p) : m;
}

/* Access.get/2: maps by key, keyword lists by atom key, nil gives nil. */
static Value access_get(Process *p, const Value *a)
{
    if (val_is_map(a[0])) return map_get2(p, a);
    if (a[0] == ATOM_NIL) return ATOM_NIL;
    if (val_is_list(a[0])) {
        for (Value l = a[0]; val_is_cons(l); l = val_tail(l)) {
            Value t = val_head(l);
            if (val_is_tuple(t) && val_tuple_arity(t) == 2 && val_exact_equal(val_tuple_elems(t)[0], a[1]))
                return val_tuple_elems(t)[1];
        }
        return ATOM_NIL;
    }
    return err_argument(p, "the Access calls for keywords expect the key to be an atom");
}

static const Builtin map_builtins[] = {
    {"get", 2, map_get2}, {"get", 3, map_get3}, {"put", 3, map_put3}, {"fetch", 2, map_fetch},
    {"fetch!", 2, map_fetch_bang}, {"has_key?", 2, map_has_key}, {"keys", 1, map_keys},
    {"values", 1, map_values}, {"to_list", 1, map_to_list}, {"delete", 2, map_delete},
    {"new", 0, map_new0}, {"merge", 2, map_merge},
};

static const Builtin access_builtins[] = {
    {"get", 2, access_get},
};

void lib_map_init(void)
{
    LIB_REGISTER("Elixir.Map", map_builtins);
    LIB_REGISTER("Elixir.Access", access_builtins);
}
