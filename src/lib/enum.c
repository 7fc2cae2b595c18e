/* enum.c: the first-order functions of Enum, in C: to_list/1, reverse/1, count/1, member?/2,
 * sum/1, sort/1, join/1,2. The higher-order ones (map, reduce, filter, ...) are written in
 * ember in src/lib/enum.ex, compiled the first time one of them is called, and call these as
 * local functions. Enumerables: lists, ranges, maps ({k, v} pairs) and MapSets. */
#include <stdlib.h>
#include <string.h>

#include "lib/kernel.h"
#include "lib/libs.h"
#include "value/map.h"
#include "vm/error.h"
#include "vm/vm.h"

static Value struct_field(Value m, const char *key)
{
    return map_get(m, val_atom_cstr(key));
}

static bool is_struct_named(Value v, const char *name)
{
    Value s = val_is_map(v) ? map_struct_name(v) : THE_NON_VALUE;
    return s != THE_NON_VALUE && strcmp(atom_name(val_atom_index(s)), name) == 0;
}

static Value range_list(Process *p, Value r)
{
    Value fv = struct_field(r, "first"), lv = struct_field(r, "last"), sv = struct_field(r, "step");
    if (!val_is_int(fv) || !val_is_int(lv) || !val_is_int(sv) || val_int_get(sv) == 0) return err_argument(p, "argument error");
    int64_t first = val_int_get(fv), last = val_int_get(lv), step = val_int_get(sv);
    if (step > 0 ? first > last : first < last) return VAL_NIL;
    uint64_t n = (uint64_t)((last - first) / step) + 1;
    Value list = VAL_NIL;
    for (uint64_t i = n; i-- > 0 && list != THE_NON_VALUE;)
        list = val_make_cons(&p->arena, val_make_int(&p->arena, first + (int64_t)i * step), list);
    return list == THE_NON_VALUE ? err_system_limit(p) : list;
}

/* The elements of enumerable `e` as a list, or THE_NON_VALUE after raising. */
Value enum_list(Process *p, Value e)
{
    if (val_is_list(e)) return e;
    if (is_struct_named(e, "Elixir.Range")) return range_list(p, e);
    Value m = is_struct_named(e, "Elixir.MapSet") ? struct_field(e, "map") : e;
    if (!val_is_map(m) || (m == e && map_struct_name(e) != THE_NON_VALUE)) return err_protocol(p, "Enumerable", e);
    Value list = VAL_NIL;
    for (size_t i = map_size(m); i-- > 0 && list != THE_NON_VALUE;) {
        Value kv[2];
        map_nth(m, i, &kv[0], &kv[1]);
        Value item = m == e ? val_make_tuple_from(&p->arena, kv, 2) : kv[0];
        list = val_make_cons(&p->arena, item, list);
    }
    return list == THE_NON_VALUE ? err_system_limit(p) : list;
}

static Value enum_to_list(Process *p, const Value *a) { return enum_list(p, a[0]); }

static Value enum_reverse(Process *p, const Value *a)
{
    Value l = enum_list(p, a[0]), r = VAL_NIL;
    if (l == THE_NON_VALUE) return l;
    for (; val_is_cons(l) && r != THE_NON_VALUE; l = val_tail(l)) r = val_make_cons(&p->arena, val_head(l), r);
    return r == THE_NON_VALUE ? err_system_limit(p) : r;
}

static Value enum_count(Process *p, const Value *a)
{
    if (val_is_map(a[0]) && map_struct_name(a[0]) == THE_NON_VALUE) return val_small((int64_t)map_size(a[0]));
    Value l = enum_list(p, a[0]);
    if (l == THE_NON_VALUE) return l;
    long n = lib_list_length(l);
    return n < 0 ? err_argument(p, "argument error") : val_small(n);
}

static Value enum_member(Process *p, const Value *a)
{
    Value args[2] = {a[1], a[0]};
    return kernel_in(p, args);
}

static Value enum_sum(Process *p, const Value *a)
{
    Value l = enum_list(p, a[0]), acc = val_small(0);
    if (l == THE_NON_VALUE) return l;
    for (; val_is_cons(l); l = val_tail(l))
        if ((acc = vm_arith(p, '+', acc, val_head(l))) == THE_NON_VALUE) return acc;
    return acc;
}

static int compare_values(const void *x, const void *y)
{
    return val_compare(*(const Value *)x, *(const Value *)y);
}

/* Enum.sort/1: term order, stable (merge sort through qsort on (value, index) would be
 * needed for stability; equal terms are indistinguishable here, so qsort is enough). */
static Value enum_sort(Process *p, const Value *a)
{
    Value l = enum_list(p, a[0]);
    if (l == THE_NON_VALUE) return l;
    long n = lib_list_length(l);
    if (n < 0) return err_argument(p, "argument error");
    Value *items = malloc(((size_t)n + 1) * sizeof *items);
    if (!items) return err_system_limit(p);
    long i = 0;
    for (; val_is_cons(l); l = val_tail(l)) items[i++] = val_head(l);
    qsort(items, (size_t)n, sizeof *items, compare_values);
    Value r = val_make_list(&p->arena, items, (size_t)n, VAL_NIL);
    free(items);
    return r == THE_NON_VALUE ? err_system_limit(p) : r;
}

static Value join(Process *p, Value e, Value sep)
{
    Value l = enum_list(p, e);
    if (l == THE_NON_VALUE) return l;
    if (!val_is_binary(sep)) return err_argument(p, "argument error");
    StrBuf sb = {0};
    for (bool first = true; val_is_cons(l); l = val_tail(l), first = false) {
        if (!first) strbuf_append(&sb, val_binary_bytes(sep), val_binary_len(sep));
        if (!lib_chars(p, &sb, val_head(l))) return strbuf_free(&sb), THE_NON_VALUE;
    }
    return lib_binary_sb(p, &sb);
}

static Value enum_join1(Process *p, const Value *a) { return join(p, a[0], lib_binary(p, "")); }
static Value enum_join2(Process *p, const Value *a) { return join(p, a[0], a[1]); }

static const Builtin enum_builtins[] = {
    {"to_list", 1, enum_to_list}, {"reverse", 1, enum_reverse}, {"count", 1, enum_count},
    {"member?", 2, enum_member}, {"sum", 1, enum_sum}, {"sort", 1, enum_sort},
    {"join", 1, enum_join1}, {"join", 2, enum_join2},
};

void lib_enum_init(void)
{
    LIB_REGISTER("Elixir.Enum", enum_builtins);
}
