/* enum.c: the Enum module's C builtins and its one table. This file holds the conversion of
 * enumerables to lists (enum.h) and the functions that read elements by position or count them:
 * to_list, count/1, member?, empty?, at, fetch, fetch!, take, drop, split, slice, reverse, sum,
 * product. enum_order.c holds sorting and the functions that compare elements; enum_build.c
 * the ones that regroup them (join, zip, chunk_every, ...). The higher-order functions (map,
 * reduce, filter, ...) are written in ember in src/lib/enum.ex and call these as local functions.
 * Ranges are read without building their list wherever the answer allows it (count, at, take,
 * slice, sum, member?), so Enum.at(1..1_000_000_000, 5) costs nothing.
 */
#include <stdio.h>
#include <string.h>

#include "lib/enum.h"
#include "lib/kernel.h"
#include "lib/libs.h"
#include "value/inspect.h"
#include "value/map.h"
#include "vm/error.h"
#include "vm/vm.h"

bool enum_range(Value v, EnumRange *r)
{
    if (!val_is_map(v) || map_struct_name(v) != val_atom_cstr("Elixir.Range")) return false;
    Value f = map_get(v, val_atom_cstr("first")), l = map_get(v, val_atom_cstr("last"));
    Value s = map_get(v, val_atom_cstr("step"));
    if (!val_is_int(f) || !val_is_int(l) || !val_is_int(s) || val_int_get(s) == 0) return false;
    *r = (EnumRange){val_int_get(f), val_int_get(l), val_int_get(s)};
    return true;
}

int64_t enum_range_count(const EnumRange *r)
{
    if (r->step > 0 ? r->first > r->last : r->first < r->last) return 0;
    __int128 span = (__int128)r->last - r->first;
    return (int64_t)(span / r->step + 1);
}

Value enum_fclause(Process *p, const char *module, const char *name, uint32_t arity, const Value *args)
{
    char mod[64];
    snprintf(mod, sizeof mod, module[0] >= 'a' && module[0] <= 'z' ? "%s" : "Elixir.%s", module);
    Value list = val_make_list(&p->arena, args, arity, VAL_NIL);
    if (list == THE_NON_VALUE) return err_system_limit(p);
    return err_fclause(p, val_atom_cstr(mod), val_atom_cstr(name), arity, list);
}

static Value fclause(Process *p, const char *name, uint32_t arity, const Value *args)
{
    return enum_fclause(p, "Enum", name, arity, args);
}

/* The elements of range `r` from the i-th on, at most n of them, in front of `tail`. */
static Value range_part(Process *p, const EnumRange *r, int64_t i, int64_t n, Value tail)
{
    ListBuilder b;
    lb_init(&b);
    for (int64_t k = 0; k < n; k++) {
        Value x = val_make_int(&p->arena, r->first + (i + k) * r->step);
        if (x == THE_NON_VALUE || !lb_push(p, &b, x)) return err_system_limit(p);
    }
    return lb_finish(&b, tail);
}

/* The entries of map `m` as {k, v} tuples (pairs) or as keys (a MapSet's map). */
static Value map_entries(Process *p, Value m, bool pairs)
{
    ListBuilder b;
    lb_init(&b);
    MapIter it;
    map_iter_init(&it, m);
    Value kv[2];
    while (map_iter_next(&it, &kv[0], &kv[1])) {
        Value item = pairs ? val_make_tuple_from(&p->arena, kv, 2) : kv[0];
        if (item == THE_NON_VALUE || !lb_push(p, &b, item)) return err_system_limit(p);
    }
    return lb_finish(&b, VAL_NIL);
}

Value enum_list(Process *p, Value e)
{
    if (val_is_list(e)) return e;
    EnumRange r;
    if (enum_range(e, &r)) return range_part(p, &r, 0, enum_range_count(&r), VAL_NIL);
    if (val_is_map(e)) {
        Value s = map_struct_name(e);
        if (s == THE_NON_VALUE) return map_entries(p, e, true);
        Value set = map_get(e, val_atom_cstr("map"));
        if (s == val_atom_cstr("Elixir.MapSet") && set != THE_NON_VALUE && val_is_map(set))
            return map_entries(p, set, false);
    }
    return err_protocol(p, "Enumerable", e);
}

Value enum_reverse_onto(Process *p, Value list, Value tail)
{
    for (; val_is_cons(list) && tail != THE_NON_VALUE; list = val_tail(list))
        tail = val_make_cons(&p->arena, val_head(list), tail);
    return tail == THE_NON_VALUE ? err_system_limit(p) : tail;
}

/* Enumerable sizes without building a list where possible; -1 after raising. */
static int64_t enum_size(Process *p, Value e)
{
    EnumRange r;
    if (enum_range(e, &r)) return enum_range_count(&r);
    if (val_is_map(e) && map_struct_name(e) == THE_NON_VALUE) return (int64_t)map_size(e);
    Value l = enum_list(p, e);
    if (l == THE_NON_VALUE) return -1;
    long n = lib_list_length(l);
    return n < 0 ? (err_argument(p, "argument error"), -1) : n;
}

static Value enum_to_list(Process *p, const Value *a) { return enum_list(p, a[0]); }

static Value enum_count(Process *p, const Value *a)
{
    int64_t n = enum_size(p, a[0]);
    return n < 0 ? THE_NON_VALUE : val_make_int(&p->arena, n);
}

static Value enum_member(Process *p, const Value *a)
{
    Value args[2] = {a[1], a[0]};
    return kernel_in(p, args);
}

static Value enum_empty(Process *p, const Value *a)
{
    if (val_is_list(a[0])) return val_bool(a[0] == VAL_NIL);
    int64_t n = enum_size(p, a[0]);
    return n < 0 ? THE_NON_VALUE : val_bool(n == 0);
}

/* The element at index i (negative: from the end) of e, or THE_NON_VALUE with *raised false
 * when there is none. */
static Value element_at(Process *p, Value e, int64_t i, bool *raised)
{
    *raised = false;
    EnumRange r;
    if (enum_range(e, &r)) {
        int64_t n = enum_range_count(&r);
        if (i < 0) i += n;
        if (i < 0 || i >= n) return THE_NON_VALUE;
        Value x = val_make_int(&p->arena, r.first + i * r.step);
        if (x == THE_NON_VALUE) *raised = true, err_system_limit(p);
        return x;
    }
    Value l = enum_list(p, e);
    if (l == THE_NON_VALUE) return *raised = true, THE_NON_VALUE;
    if (i < 0) i += lib_list_length(l);
    if (i < 0) return THE_NON_VALUE;
    for (; val_is_cons(l); l = val_tail(l), i--)
        if (i == 0) return val_head(l);
    return THE_NON_VALUE;
}

static Value at(Process *p, const Value *a, uint32_t arity)
{
    if (!val_is_int(a[1])) {
        Value args[3] = {a[0], a[1], arity == 3 ? a[2] : ATOM_NIL};
        return fclause(p, "at", 3, args);
    }
    bool raised;
    Value x = element_at(p, a[0], val_int_get(a[1]), &raised);
    if (raised) return THE_NON_VALUE;
    return x != THE_NON_VALUE ? x : arity == 3 ? a[2] : ATOM_NIL;
}

static Value enum_at2(Process *p, const Value *a) { return at(p, a, 2); }
static Value enum_at3(Process *p, const Value *a) { return at(p, a, 3); }

static Value enum_fetch(Process *p, const Value *a)
{
    if (!val_is_int(a[1])) return fclause(p, "fetch", 2, a);
    bool raised;
    Value x = element_at(p, a[0], val_int_get(a[1]), &raised);
    if (raised) return THE_NON_VALUE;
    if (x == THE_NON_VALUE) return ATOM_ERROR;
    Value t[2] = {ATOM_OK, x};
    return val_make_tuple_from(&p->arena, t, 2);
}

static Value enum_fetch_bang(Process *p, const Value *a)
{
    if (!val_is_int(a[1])) return fclause(p, "fetch!", 2, a);
    bool raised;
    Value x = element_at(p, a[0], val_int_get(a[1]), &raised);
    if (raised) return THE_NON_VALUE;
    if (x != THE_NON_VALUE) return x;
    return raise_error(p, exception_default(p, val_atom_cstr("Elixir.Enum.OutOfBoundsError")));
}

/* Elements [from, from + n) of e (both already within 0..size), in front of `tail`. */
static Value part(Process *p, Value e, int64_t from, int64_t n, Value tail)
{
    EnumRange r;
    if (enum_range(e, &r)) return range_part(p, &r, from, n, tail);
    Value l = enum_list(p, e);
    if (l == THE_NON_VALUE) return l;
    for (; from > 0 && val_is_cons(l); from--) l = val_tail(l);
    if (tail == VAL_NIL && n >= lib_list_length(l)) return l;
    ListBuilder b;
    lb_init(&b);
    for (; n > 0 && val_is_cons(l); n--, l = val_tail(l))
        if (!lb_push(p, &b, val_head(l))) return err_system_limit(p);
    return lb_finish(&b, tail);
}

static Value enum_take(Process *p, const Value *a)
{
    if (!val_is_int(a[1])) return fclause(p, "take", 2, a);
    int64_t n = val_int_get(a[1]);
    if (n == 0) return VAL_NIL;
    if (n > 0 && val_is_list(a[0])) return part(p, a[0], 0, n, VAL_NIL);
    int64_t size = enum_size(p, a[0]);
    if (size < 0) return THE_NON_VALUE;
    if (n > 0) return part(p, a[0], 0, n < size ? n : size, VAL_NIL);
    int64_t from = size + n < 0 ? 0 : size + n;
    return part(p, a[0], from, size - from, VAL_NIL);
}

static Value enum_drop(Process *p, const Value *a)
{
    if (!val_is_int(a[1])) return fclause(p, "drop", 2, a);
    int64_t n = val_int_get(a[1]);
    if (n >= 0 && val_is_list(a[0])) {
        Value l = a[0];
        for (; n > 0 && val_is_cons(l); n--) l = val_tail(l);
        return l;
    }
    int64_t size = enum_size(p, a[0]);
    if (size < 0) return THE_NON_VALUE;
    if (n >= 0) return n >= size ? VAL_NIL : part(p, a[0], n, size - n, VAL_NIL);
    return size + n <= 0 ? VAL_NIL : part(p, a[0], 0, size + n, VAL_NIL);
}

static Value enum_split(Process *p, const Value *a)
{
    if (!val_is_int(a[1])) return fclause(p, "split", 2, a);
    int64_t size = enum_size(p, a[0]), n = val_int_get(a[1]);
    if (size < 0) return THE_NON_VALUE;
    int64_t cut = n >= 0 ? (n < size ? n : size) : (size + n < 0 ? 0 : size + n);
    Value t[2] = {part(p, a[0], 0, cut, VAL_NIL), THE_NON_VALUE};
    if (t[0] == THE_NON_VALUE || (t[1] = part(p, a[0], cut, size - cut, VAL_NIL)) == THE_NON_VALUE) return THE_NON_VALUE;
    return val_make_tuple_from(&p->arena, t, 2);
}

/* Every step-th element of [from, from + n) of e (from and n within 0..size, step > 0). */
static Value stepped(Process *p, Value e, int64_t from, int64_t n, int64_t step)
{
    if (step == 1) return part(p, e, from, n, VAL_NIL);
    Value l = part(p, e, from, n, VAL_NIL);
    ListBuilder b;
    lb_init(&b);
    for (int64_t i = 0; l != THE_NON_VALUE && val_is_cons(l); l = val_tail(l), i++)
        if (i % step == 0 && !lb_push(p, &b, val_head(l))) return err_system_limit(p);
    return l == THE_NON_VALUE ? l : lb_finish(&b, VAL_NIL);
}

static Value slice_error(Process *p, Value range)
{
    StrBuf sb = {0};
    strbuf_puts(&sb, "Enum.slice/2 does not accept ranges with negative steps, got: ");
    inspect_append(&sb, range, NULL);
    Value v = err_argument(p, strbuf_cstr(&sb));
    strbuf_free(&sb);
    return v;
}

/* Enum.slice(e, first..last//step): negative bounds count from the end; a legacy decreasing
 * range (step -1 with first > last) reads as step 1. */
static Value enum_slice2(Process *p, const Value *a)
{
    EnumRange r;
    if (!enum_range(a[1], &r)) return fclause(p, "slice", 2, a);
    if (r.step == -1 && r.first > r.last) r.step = 1;
    if (r.step < 0) return slice_error(p, a[1]);
    int64_t size = enum_size(p, a[0]);
    if (size < 0) return THE_NON_VALUE;
    int64_t first = r.first < 0 ? r.first + size : r.first, last = r.last < 0 ? r.last + size : r.last;
    if (first < 0) first = 0;
    if (last >= size) last = size - 1;
    if (first >= size || last < first) return VAL_NIL;
    return stepped(p, a[0], first, last - first + 1, r.step);
}

static Value enum_slice3(Process *p, const Value *a)
{
    if (!val_is_int(a[1]) || !val_is_int(a[2]) || val_int_get(a[2]) < 0) return fclause(p, "slice", 3, a);
    int64_t size = enum_size(p, a[0]), start = val_int_get(a[1]), n = val_int_get(a[2]);
    if (size < 0) return THE_NON_VALUE;
    if (start < 0) start = start + size < 0 ? 0 : start + size;
    if (start >= size || n == 0) return VAL_NIL;
    return part(p, a[0], start, n < size - start ? n : size - start, VAL_NIL);
}

static Value enum_reverse(Process *p, const Value *a)
{
    Value l = enum_list(p, a[0]);
    return l == THE_NON_VALUE ? l : enum_reverse_onto(p, l, VAL_NIL);
}

static Value enum_reverse2(Process *p, const Value *a)
{
    Value l = enum_list(p, a[0]), tail = enum_list(p, a[1]);
    if (l == THE_NON_VALUE || tail == THE_NON_VALUE) return THE_NON_VALUE;
    return enum_reverse_onto(p, l, tail);
}

/* Sum of a range by formula, checked against 64-bit overflow. */
static Value range_sum(Process *p, const EnumRange *r, Value e)
{
    int64_t n = enum_range_count(r);
    if (n == 0) return val_small(0);
    __int128 last = (__int128)r->first + (__int128)(n - 1) * r->step;
    __int128 s = ((__int128)r->first + last) * n / 2;
    if (s > INT64_MAX || s < INT64_MIN) return err_badarith(p, "+", e, THE_NON_VALUE);
    return val_make_int(&p->arena, (int64_t)s);
}

static Value fold(Process *p, Value e, char op, Value acc)
{
    EnumRange r;
    if (op == '+' && enum_range(e, &r)) return range_sum(p, &r, e);
    Value l = enum_list(p, e);
    if (l == THE_NON_VALUE) return l;
    for (; val_is_cons(l); l = val_tail(l)) {
        Value h = val_head(l);
        /* the element comes first, as in Elixir's fold, so the blame reads ":a + 1" */
        if (val_is_small(h) && val_is_small(acc) && op == '+') {
            int64_t s = val_small_get(h) + val_small_get(acc);
            if (s >= SMALL_INT_MIN && s <= SMALL_INT_MAX) { acc = val_small(s); continue; }
        }
        if ((acc = vm_arith(p, op, h, acc)) == THE_NON_VALUE) return acc;
    }
    return acc;
}

static Value enum_sum(Process *p, const Value *a) { return fold(p, a[0], '+', val_small(0)); }
static Value enum_product(Process *p, const Value *a) { return fold(p, a[0], '*', val_small(1)); }

static const Builtin enum_builtins[] = {
    {"to_list", 1, enum_to_list}, {"count", 1, enum_count}, {"member?", 2, enum_member},
    {"empty?", 1, enum_empty}, {"at", 2, enum_at2}, {"at", 3, enum_at3}, {"fetch", 2, enum_fetch},
    {"fetch!", 2, enum_fetch_bang}, {"take", 2, enum_take}, {"drop", 2, enum_drop},
    {"split", 2, enum_split}, {"slice", 2, enum_slice2}, {"slice", 3, enum_slice3},
    {"reverse", 1, enum_reverse}, {"reverse", 2, enum_reverse2}, {"sum", 1, enum_sum},
    {"product", 1, enum_product},
    {"sort", 1, enum_sort}, {"__sort_desc__", 1, enum_sort_desc}, {"__sort_keyed__", 2, enum_sort_keyed},
    {"max", 1, enum_max}, {"min", 1, enum_min}, {"min_max", 1, enum_min_max}, {"uniq", 1, enum_uniq},
    {"dedup", 1, enum_dedup}, {"frequencies", 1, enum_frequencies},
    {"join", 1, enum_join1}, {"join", 2, enum_join2}, {"zip", 1, enum_zip1}, {"zip", 2, enum_zip2},
    {"unzip", 1, enum_unzip}, {"chunk_every", 2, enum_chunk_every2}, {"chunk_every", 3, enum_chunk_every3},
    {"chunk_every", 4, enum_chunk_every4}, {"__with_index__", 2, enum_with_index_offset},
    {"intersperse", 2, enum_intersperse}, {"take_every", 2, enum_take_every},
    {"drop_every", 2, enum_drop_every}, {"concat", 1, enum_concat1}, {"concat", 2, enum_concat2},
    {"any?", 1, enum_any1}, {"all?", 1, enum_all1}, {"random", 1, enum_random}, {"shuffle", 1, enum_shuffle},
    {"take_random", 2, enum_take_random},
};

void lib_enum_init(void)
{
    LIB_REGISTER("Elixir.Enum", enum_builtins);
}
