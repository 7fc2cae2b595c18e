/* map_set.c: the MapSet module's first-order functions. A MapSet is Elixir 1.14's struct
 * %MapSet{map: %{element => []}, version: 2}; its struct definition and the functions that
 * call a function (new/2, filter, reject) are in src/lib/map_set.ex. A non-set argument raises
 * FunctionClauseError, as Elixir's pattern-matching heads do.
 */
#include "lib/enum.h"
#include "lib/libs.h"
#include "value/map.h"
#include "vm/error.h"

/* The element map of set `s`, or THE_NON_VALUE if s is not a MapSet. */
static Value set_map(Value s)
{
    if (!val_is_map(s) || map_struct_name(s) != val_atom_cstr("Elixir.MapSet")) return THE_NON_VALUE;
    Value m = map_get(s, val_atom_cstr("map"));
    return m != THE_NON_VALUE && val_is_map(m) ? m : THE_NON_VALUE;
}

static Value make_set(Process *p, Value m)
{
    if (m == THE_NON_VALUE) return m;
    Value keys[3] = {ATOM_STRUCT, val_atom_cstr("map"), val_atom_cstr("version")};
    Value vals[3] = {val_atom_cstr("Elixir.MapSet"), m, val_small(2)};
    Value s = map_from_pairs(&p->arena, keys, vals, 3);
    return s == THE_NON_VALUE ? err_system_limit(p) : s;
}

static Value fclause(Process *p, const char *name, uint32_t arity, const Value *args)
{
    return enum_fclause(p, "MapSet", name, arity, args);
}

static Value map_set_new0(Process *p, const Value *a)
{
    (void)a;
    return make_set(p, map_new(&p->arena));
}

static Value map_set_new1(Process *p, const Value *a)
{
    if (set_map(a[0]) != THE_NON_VALUE) return a[0];
    Value l = enum_list(p, a[0]), m = map_new(&p->arena);
    if (l == THE_NON_VALUE) return l;
    for (; val_is_cons(l) && m != THE_NON_VALUE; l = val_tail(l)) m = map_put(&p->arena, m, val_head(l), VAL_NIL);
    return m == THE_NON_VALUE ? err_system_limit(p) : make_set(p, m);
}

static Value map_set_put(Process *p, const Value *a)
{
    Value m = set_map(a[0]);
    if (m == THE_NON_VALUE) return fclause(p, "put", 2, a);
    Value r = map_put(&p->arena, m, a[1], VAL_NIL);
    return r == THE_NON_VALUE ? err_system_limit(p) : make_set(p, r);
}

static Value map_set_delete(Process *p, const Value *a)
{
    Value m = set_map(a[0]);
    if (m == THE_NON_VALUE) return fclause(p, "delete", 2, a);
    Value r = map_remove(&p->arena, m, a[1]);
    return r == THE_NON_VALUE ? err_system_limit(p) : make_set(p, r);
}

static Value map_set_member(Process *p, const Value *a)
{
    Value m = set_map(a[0]);
    if (m == THE_NON_VALUE) return fclause(p, "member?", 2, a);
    return val_bool(map_get(m, a[1]) != THE_NON_VALUE);
}

static Value map_set_size(Process *p, const Value *a)
{
    Value m = set_map(a[0]);
    if (m == THE_NON_VALUE) return fclause(p, "size", 1, a);
    return val_small((int64_t)map_size(m));
}

static Value map_set_to_list(Process *p, const Value *a)
{
    if (set_map(a[0]) == THE_NON_VALUE) return fclause(p, "to_list", 1, a);
    return enum_list(p, a[0]);
}

typedef enum SetOp { SET_UNION, SET_INTERSECTION, SET_DIFFERENCE, SET_SYMMETRIC } SetOp;

/* The element map of `op` applied to the element maps x and y. */
static Value combine(Process *p, Value x, Value y, SetOp op)
{
    Value r = op == SET_INTERSECTION ? map_new(&p->arena) : x, k, v;
    MapIter it;
    map_iter_init(&it, op == SET_INTERSECTION ? x : y);
    while (r != THE_NON_VALUE && map_iter_next(&it, &k, &v)) {
        bool in_other = map_get(op == SET_INTERSECTION ? y : x, k) != THE_NON_VALUE;
        if (op == SET_UNION || (op == SET_INTERSECTION && in_other) || (op == SET_SYMMETRIC && !in_other))
            r = map_put(&p->arena, r, k, VAL_NIL);
        else if (op == SET_DIFFERENCE || (op == SET_SYMMETRIC && in_other))
            r = map_remove(&p->arena, r, k);
    }
    return r == THE_NON_VALUE ? err_system_limit(p) : r;
}

static Value set_op(Process *p, const Value *a, SetOp op, const char *name)
{
    Value x = set_map(a[0]), y = set_map(a[1]);
    if (x == THE_NON_VALUE || y == THE_NON_VALUE) return fclause(p, name, 2, a);
    return make_set(p, combine(p, x, y, op));
}

static Value map_set_union(Process *p, const Value *a) { return set_op(p, a, SET_UNION, "union"); }
static Value map_set_intersection(Process *p, const Value *a) { return set_op(p, a, SET_INTERSECTION, "intersection"); }
static Value map_set_difference(Process *p, const Value *a) { return set_op(p, a, SET_DIFFERENCE, "difference"); }
static Value map_set_symmetric_difference(Process *p, const Value *a)
{
    return set_op(p, a, SET_SYMMETRIC, "symmetric_difference");
}

/* How many elements of x are in y. */
static size_t common(Value x, Value y)
{
    size_t n = 0;
    Value k, v;
    MapIter it;
    map_iter_init(&it, x);
    while (map_iter_next(&it, &k, &v)) n += map_get(y, k) != THE_NON_VALUE;
    return n;
}

static Value map_set_subset(Process *p, const Value *a)
{
    Value x = set_map(a[0]), y = set_map(a[1]);
    if (x == THE_NON_VALUE || y == THE_NON_VALUE) return fclause(p, "subset?", 2, a);
    return val_bool(map_size(x) <= map_size(y) && common(x, y) == map_size(x));
}

static Value map_set_disjoint(Process *p, const Value *a)
{
    Value x = set_map(a[0]), y = set_map(a[1]);
    if (x == THE_NON_VALUE || y == THE_NON_VALUE) return fclause(p, "disjoint?", 2, a);
    return val_bool(common(x, y) == 0);
}

static Value map_set_equal(Process *p, const Value *a)
{
    Value x = set_map(a[0]), y = set_map(a[1]);
    if (x == THE_NON_VALUE || y == THE_NON_VALUE) return fclause(p, "equal?", 2, a);
    return val_bool(val_exact_equal(x, y));
}

static const Builtin map_set_builtins[] = {
    {"new", 0, map_set_new0}, {"new", 1, map_set_new1}, {"put", 2, map_set_put}, {"delete", 2, map_set_delete},
    {"member?", 2, map_set_member}, {"size", 1, map_set_size}, {"to_list", 1, map_set_to_list},
    {"union", 2, map_set_union}, {"intersection", 2, map_set_intersection},
    {"difference", 2, map_set_difference}, {"symmetric_difference", 2, map_set_symmetric_difference},
    {"subset?", 2, map_set_subset}, {"disjoint?", 2, map_set_disjoint}, {"equal?", 2, map_set_equal},
};

void lib_map_set_init(void)
{
    LIB_REGISTER("Elixir.MapSet", map_set_builtins);
}
