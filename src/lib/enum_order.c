/* enum_order.c: the Enum builtins that compare elements in Erlang term order (val_compare):
 * sort/1 and the sorts behind sort/2 and sort_by (stable merge sorts: an element of the left
 * run goes first when the order allows it, so equal elements keep their order), max/1, min/1,
 * min_max/1 (the first of equal extremes wins, as Elixir's), and the ones that compare by ===:
 * uniq/1, dedup/1, frequencies/1. Registered from enum.c's table.
 */
#include <stdlib.h>
#include <string.h>

#include "lib/enum.h"
#include "lib/kernel.h"
#include "lib/libs.h"
#include "value/map.h"
#include "vm/error.h"

/* The elements of enumerable `e` copied into a malloc'd array (*n of them); NULL after
 * raising. */
static Value *to_array(Process *p, Value e, size_t *n)
{
    Value l = enum_list(p, e);
    if (l == THE_NON_VALUE) return NULL;
    long len = lib_list_length(l);
    if (len < 0) return err_argument(p, "argument error"), NULL;
    Value *items = malloc(((size_t)len + 1) * sizeof *items);
    if (!items) return err_system_limit(p), NULL;
    size_t i = 0;
    for (; val_is_cons(l); l = val_tail(l)) items[i++] = val_head(l);
    *n = i;
    return items;
}

/* The sort key of `v`: itself, or the first element of a {key, value} pair when keyed. */
static inline Value key_of(Value v, bool keyed)
{
    return keyed ? val_tuple_elems(v)[0] : v;
}

/* Stable bottom-up merge sort of items[0..n) with scratch space tmp; `desc` reverses the
 * order. Left-run elements go first on ties, which keeps equal elements in input order. */
static void merge_sort(Value *items, Value *tmp, size_t n, bool desc, bool keyed)
{
    for (size_t width = 1; width < n; width *= 2) {
        for (size_t lo = 0; lo < n; lo += 2 * width) {
            size_t mid = lo + width < n ? lo + width : n, hi = lo + 2 * width < n ? lo + 2 * width : n;
            size_t i = lo, j = mid, k = lo;
            while (i < mid && j < hi) {
                int c = val_compare(key_of(items[i], keyed), key_of(items[j], keyed));
                tmp[k++] = (desc ? c >= 0 : c <= 0) ? items[i++] : items[j++];
            }
            while (i < mid) tmp[k++] = items[i++];
            while (j < hi) tmp[k++] = items[j++];
        }
        memcpy(items, tmp, n * sizeof *items);
    }
}

static Value sorted(Process *p, Value e, bool desc, bool keyed)
{
    size_t n;
    Value *items = to_array(p, e, &n);
    if (!items) return THE_NON_VALUE;
    if (keyed)
        for (size_t i = 0; i < n; i++)
            if (!val_is_tuple(items[i]) || val_tuple_arity(items[i]) != 2) return free(items), err_argument(p, "argument error");
    Value *tmp = malloc((n + 1) * sizeof *tmp);
    if (!tmp) return free(items), err_system_limit(p);
    merge_sort(items, tmp, n, desc, keyed);
    Value r = val_make_list(&p->arena, items, n, VAL_NIL);
    free(items);
    free(tmp);
    return r == THE_NON_VALUE ? err_system_limit(p) : r;
}

Value enum_sort(Process *p, const Value *a) { return sorted(p, a[0], false, false); }
Value enum_sort_desc(Process *p, const Value *a) { return sorted(p, a[0], true, false); }

/* __sort_keyed__(pairs, :asc | :desc): a list of {key, value} sorted stably by key. */
Value enum_sort_keyed(Process *p, const Value *a)
{
    return sorted(p, a[0], a[1] == val_atom_cstr("desc"), true);
}

static Value empty_error(Process *p)
{
    return raise_error(p, exception_default(p, val_atom_cstr("Elixir.Enum.EmptyError")));
}

/* The extreme of e: sign > 0 for the maximum, < 0 for the minimum; the first one wins. */
static Value extreme(Process *p, Value e, int sign)
{
    EnumRange r;
    if (enum_range(e, &r)) {
        int64_t n = enum_range_count(&r);
        if (n == 0) return empty_error(p);
        int64_t last = r.first + (n - 1) * r.step;
        int64_t hi = r.first > last ? r.first : last, lo = r.first < last ? r.first : last;
        return val_make_int(&p->arena, sign > 0 ? hi : lo);
    }
    Value l = enum_list(p, e);
    if (l == THE_NON_VALUE) return l;
    if (!val_is_cons(l)) return empty_error(p);
    Value best = val_head(l);
    for (l = val_tail(l); val_is_cons(l); l = val_tail(l))
        if (val_compare(val_head(l), best) * sign > 0) best = val_head(l);
    return best;
}

Value enum_max(Process *p, const Value *a) { return extreme(p, a[0], 1); }
Value enum_min(Process *p, const Value *a) { return extreme(p, a[0], -1); }

Value enum_min_max(Process *p, const Value *a)
{
    Value t[2];
    if ((t[0] = extreme(p, a[0], -1)) == THE_NON_VALUE || (t[1] = extreme(p, a[0], 1)) == THE_NON_VALUE)
        return THE_NON_VALUE;
    return val_make_tuple_from(&p->arena, t, 2);
}

/* The elements of e without repeats (===), first occurrences in order. */
Value enum_uniq(Process *p, const Value *a)
{
    Value l = enum_list(p, a[0]), seen = map_new(&p->arena);
    if (l == THE_NON_VALUE || seen == THE_NON_VALUE) return l == THE_NON_VALUE ? l : err_system_limit(p);
    ListBuilder b;
    lb_init(&b);
    for (; val_is_cons(l); l = val_tail(l)) {
        Value x = val_head(l);
        if (map_get(seen, x) != THE_NON_VALUE) continue;
        if ((seen = map_put(&p->arena, seen, x, ATOM_TRUE)) == THE_NON_VALUE || !lb_push(p, &b, x))
            return err_system_limit(p);
    }
    return lb_finish(&b, VAL_NIL);
}

/* The elements of e without consecutive repeats (===). */
Value enum_dedup(Process *p, const Value *a)
{
    Value l = enum_list(p, a[0]);
    if (l == THE_NON_VALUE) return l;
    ListBuilder b;
    lb_init(&b);
    Value prev = THE_NON_VALUE;
    for (; val_is_cons(l); l = val_tail(l)) {
        Value x = val_head(l);
        if (prev != THE_NON_VALUE && val_exact_equal(prev, x)) continue;
        if (!lb_push(p, &b, x)) return err_system_limit(p);
        prev = x;
    }
    return lb_finish(&b, VAL_NIL);
}

/* %{element => times it occurs in e}. */
Value enum_frequencies(Process *p, const Value *a)
{
    Value l = enum_list(p, a[0]), m = map_new(&p->arena);
    if (l == THE_NON_VALUE || m == THE_NON_VALUE) return l == THE_NON_VALUE ? l : err_system_limit(p);
    for (; val_is_cons(l); l = val_tail(l)) {
        Value n = map_get(m, val_head(l));
        Value next = n == THE_NON_VALUE ? val_small(1) : val_make_int(&p->arena, val_int_get(n) + 1);
        if ((m = map_put(&p->arena, m, val_head(l), next)) == THE_NON_VALUE) return err_system_limit(p);
    }
    return m;
}
