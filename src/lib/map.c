/* map.c: the first-order functions of the Map module and Access.get/2 (what `data[key]`
 * compiles to). Higher-order ones (Map.new/2, Map.update/4, ...) are in src/lib/map.ex and
 * call these as local functions. A non-map raises BadMapError, a missing key in the ! forms
 * KeyError, as in Elixir. Keys compare with === (1 and 1.0 are different keys).
 */
#include "lib/enum.h"
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
    if (v == THE_NON_VALUE) return ATOM_ERROR;
    Value t[2] = {ATOM_OK, v};
    return val_make_tuple_from(&p->arena, t, 2);
}

static Value map_fetch_bang(Process *p, const Value *a)
{
    if (!is_plain_or_struct_map(a[0])) return err_badmap(p, a[0]);
    Value v = map_get(a[0], a[1]);
    if (v != THE_NON_VALUE) return v;
    err_key(p, a[1], a[0]);
    p->exc_detail = ATOM_BADKEY_NO_TERM; /* :maps.get's raw reason is {:badkey, key} (erlerr.c) */
    return THE_NON_VALUE;
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

static Value pair(Process *p, Value a, Value b)
{
    Value t[2] = {a, b};
    return val_make_tuple_from(&p->arena, t, 2);
}

/* Map.drop (keep false) / Map.take (keep true): the map without / with only the given keys. */
static Value keys_filter(Process *p, const Value *a, bool keep)
{
    if (!val_is_map(a[0])) return err_badmap(p, a[0]);
    Value keys = enum_list(p, a[1]);
    if (keys == THE_NON_VALUE) return keys;
    Value m = keep ? map_new(&p->arena) : a[0];
    for (; val_is_cons(keys) && m != THE_NON_VALUE; keys = val_tail(keys)) {
        Value k = val_head(keys), v = map_get(a[0], k);
        if (!keep) m = map_remove(&p->arena, m, k);
        else if (v != THE_NON_VALUE) m = map_put(&p->arena, m, k, v);
    }
    return m == THE_NON_VALUE ? err_system_limit(p) : m;
}

static Value map_drop(Process *p, const Value *a) { return keys_filter(p, a, false); }
static Value map_take(Process *p, const Value *a) { return keys_filter(p, a, true); }

static Value map_split(Process *p, const Value *a)
{
    Value t[2] = {keys_filter(p, a, true), THE_NON_VALUE};
    if (t[0] == THE_NON_VALUE || (t[1] = keys_filter(p, a, false)) == THE_NON_VALUE) return THE_NON_VALUE;
    return val_make_tuple_from(&p->arena, t, 2);
}

static Value map_equal(Process *p, const Value *a)
{
    if (!val_is_map(a[0])) return err_badmap(p, a[0]);
    if (!val_is_map(a[1])) return err_badmap(p, a[1]);
    return val_bool(val_exact_equal(a[0], a[1]));
}

static Value map_from_struct(Process *p, const Value *a)
{
    Value s = a[0];
    if (val_is_atom(s)) {
        const Module *m = module_ensure_loaded(s) ? module_find(s) : NULL;
        if (!m || m->struct_template == THE_NON_VALUE) return err_undef(p, s, val_atom_cstr("__struct__"), 0);
        s = m->struct_template;
    }
    if (!val_is_map(s)) return enum_fclause(p, "Map", "from_struct", 1, a);
    Value m = map_remove(&p->arena, s, ATOM_STRUCT);
    return m == THE_NON_VALUE ? err_system_limit(p) : m;
}

static Value map_from_keys(Process *p, const Value *a)
{
    Value keys = enum_list(p, a[0]), m = map_new(&p->arena);
    if (keys == THE_NON_VALUE) return keys;
    for (; val_is_cons(keys) && m != THE_NON_VALUE; keys = val_tail(keys)) m = map_put(&p->arena, m, val_head(keys), a[1]);
    return m == THE_NON_VALUE ? err_system_limit(p) : m;
}

/* Map.new/1: from {key, value} pairs (a later key wins); a map is returned as it is. */
static Value map_new1(Process *p, const Value *a)
{
    if (val_is_map(a[0]) && map_struct_name(a[0]) == THE_NON_VALUE) return a[0];
    Value l = enum_list(p, a[0]), m = map_new(&p->arena);
    if (l == THE_NON_VALUE) return l;
    for (; val_is_cons(l) && m != THE_NON_VALUE; l = val_tail(l)) {
        Value t = val_head(l);
        if (!val_is_tuple(t) || val_tuple_arity(t) != 2) return err_argument(p, "argument error");
        m = map_put(&p->arena, m, val_tuple_elems(t)[0], val_tuple_elems(t)[1]);
    }
    return m == THE_NON_VALUE ? err_system_limit(p) : m;
}

/* {value or dflt, map without key}; `bang` raises KeyError for a missing key. */
static Value pop(Process *p, Value m, Value key, Value dflt, bool bang)
{
    if (!val_is_map(m)) return err_badmap(p, m);
    Value v = map_get(m, key);
    if (v == THE_NON_VALUE) return bang ? err_key(p, key, m) : pair(p, dflt, m);
    Value rest = map_remove(&p->arena, m, key);
    return rest == THE_NON_VALUE ? err_system_limit(p) : pair(p, v, rest);
}

static Value map_pop2(Process *p, const Value *a) { return pop(p, a[0], a[1], ATOM_NIL, false); }
static Value map_pop3(Process *p, const Value *a) { return pop(p, a[0], a[1], a[2], false); }
static Value map_pop_bang(Process *p, const Value *a) { return pop(p, a[0], a[1], ATOM_NIL, true); }

/* Map.replace (bang false) / replace!: sets an existing key only. */
static Value replace(Process *p, const Value *a, bool bang)
{
    if (!val_is_map(a[0])) return err_badmap(p, a[0]);
    if (map_get(a[0], a[1]) == THE_NON_VALUE) return bang ? err_key(p, a[1], a[0]) : a[0];
    return map_put3(p, a);
}

static Value map_replace(Process *p, const Value *a) { return replace(p, a, false); }
static Value map_replace_bang(Process *p, const Value *a) { return replace(p, a, true); }

static const Builtin map_builtins[] = {
    {"get", 2, map_get2}, {"get", 3, map_get3}, {"put", 3, map_put3}, {"fetch", 2, map_fetch},
    {"fetch!", 2, map_fetch_bang}, {"has_key?", 2, map_has_key}, {"keys", 1, map_keys},
    {"values", 1, map_values}, {"to_list", 1, map_to_list}, {"delete", 2, map_delete},
    {"new", 0, map_new0}, {"new", 1, map_new1}, {"merge", 2, map_merge}, {"drop", 2, map_drop},
    {"take", 2, map_take}, {"split", 2, map_split}, {"equal?", 2, map_equal},
    {"from_struct", 1, map_from_struct}, {"from_keys", 2, map_from_keys}, {"pop", 2, map_pop2},
    {"pop", 3, map_pop3}, {"pop!", 2, map_pop_bang}, {"replace", 3, map_replace},
    {"replace!", 3, map_replace_bang},
};

static const Builtin access_builtins[] = {
    {"get", 2, access_get},
};

void lib_map_init(void)
{
    LIB_REGISTER("Elixir.Map", map_builtins);
    LIB_REGISTER("Elixir.Access", access_builtins);
}
