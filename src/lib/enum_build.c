/* enum_build.c: the Enum builtins that regroup elements without calling a function: join/1,2,
 * zip/1,2, unzip/1, chunk_every/2,3,4, with_index with an offset, intersperse/2,
 * take_every/2, drop_every/2, concat/1,2, any?/1, all?/1 (truthiness of the elements), and
 * the random ones: random/1, shuffle/1, take_random/2 (a per-thread xorshift generator seeded
 * from the clock; Elixir's :rand sequence is not reproduced). Registered from enum.c's table.
 */
#include <stdlib.h>
#include <time.h>

#include "lib/enum.h"
#include "lib/kernel.h"
#include "lib/libs.h"
#include "vm/error.h"

static Value fclause(Process *p, const char *name, uint32_t arity, const Value *args)
{
    return enum_fclause(p, "Enum", name, arity, args);
}

static Value pair(Process *p, Value a, Value b)
{
    Value t[2] = {a, b};
    return val_make_tuple_from(&p->arena, t, 2);
}

/* The elements of e, separated by the bytes of binary `sep`, each through String.Chars. */
static Value join(Process *p, Value e, Value sep)
{
    Value l = enum_list(p, e);
    if (l == THE_NON_VALUE) return l;
    StrBuf sb = {0};
    for (bool first = true; val_is_cons(l); l = val_tail(l), first = false) {
        if (!first) strbuf_append(&sb, val_binary_bytes(sep), val_binary_len(sep));
        if (!lib_chars(p, &sb, val_head(l))) return strbuf_free(&sb), THE_NON_VALUE;
    }
    return lib_binary_sb(p, &sb);
}

Value enum_join1(Process *p, const Value *a) { return join(p, a[0], lib_binary(p, "")); }

Value enum_join2(Process *p, const Value *a)
{
    if (!val_is_binary(a[1])) return fclause(p, "join", 2, a);
    return join(p, a[0], a[1]);
}

/* Tuples of the i-th elements of the n lists in lists[], as long as the shortest one. */
static Value zip_lists(Process *p, Value *lists, uint32_t n)
{
    ListBuilder b;
    lb_init(&b);
    if (n == 0) return VAL_NIL;
    for (;;) {
        for (uint32_t i = 0; i < n; i++)
            if (!val_is_cons(lists[i])) return lb_finish(&b, VAL_NIL);
        Value t = val_make_tuple(&p->arena, n);
        if (t == THE_NON_VALUE || !lb_push(p, &b, t)) return err_system_limit(p);
        for (uint32_t i = 0; i < n; i++) {
            val_tuple_elems(t)[i] = val_head(lists[i]);
            lists[i] = val_tail(lists[i]);
        }
    }
}

Value enum_zip2(Process *p, const Value *a)
{
    Value lists[2] = {enum_list(p, a[0]), THE_NON_VALUE};
    if (lists[0] == THE_NON_VALUE || (lists[1] = enum_list(p, a[1])) == THE_NON_VALUE) return THE_NON_VALUE;
    return zip_lists(p, lists, 2);
}

Value enum_zip1(Process *p, const Value *a)
{
    Value outer = enum_list(p, a[0]);
    if (outer == THE_NON_VALUE) return outer;
    long n = lib_list_length(outer);
    Value *lists = malloc(((size_t)(n > 0 ? n : 0) + 1) * sizeof *lists);
    if (!lists) return err_system_limit(p);
    uint32_t i = 0;
    for (; val_is_cons(outer); outer = val_tail(outer), i++)
        if ((lists[i] = enum_list(p, val_head(outer))) == THE_NON_VALUE) return free(lists), THE_NON_VALUE;
    Value r = zip_lists(p, lists, i);
    free(lists);
    return r;
}

Value enum_unzip(Process *p, const Value *a)
{
    Value l = enum_list(p, a[0]);
    if (l == THE_NON_VALUE) return l;
    ListBuilder left, right;
    lb_init(&left);
    lb_init(&right);
    for (; val_is_cons(l); l = val_tail(l)) {
        Value t = val_head(l);
        if (!val_is_tuple(t) || val_tuple_arity(t) != 2) return fclause(p, "unzip", 1, a);
        if (!lb_push(p, &left, val_tuple_elems(t)[0]) || !lb_push(p, &right, val_tuple_elems(t)[1]))
            return err_system_limit(p);
    }
    return pair(p, lb_finish(&left, VAL_NIL), lb_finish(&right, VAL_NIL));
}

/* chunk_every: chunks of `count` starting every `step` elements; the first chunk that runs
 * past the end is dropped (leftover :discard) or padded from the `leftover` list, and ends
 * the result. */
static Value chunk_every(Process *p, Value e, int64_t count, int64_t step, Value leftover)
{
    Value l = enum_list(p, e);
    if (l == THE_NON_VALUE) return l;
    int64_t n = lib_list_length(l);
    ListBuilder out;
    lb_init(&out);
    for (int64_t start = 0; start < n; start += step) {
        ListBuilder c;
        lb_init(&c);
        Value x = l;
        int64_t got = 0;
        for (; got < count && val_is_cons(x); got++, x = val_tail(x))
            if (!lb_push(p, &c, val_head(x))) return err_system_limit(p);
        bool partial = got < count;
        if (partial && leftover == val_atom_cstr("discard")) break;
        for (Value pad = leftover; partial && got < count && val_is_cons(pad); got++, pad = val_tail(pad))
            if (!lb_push(p, &c, val_head(pad))) return err_system_limit(p);
        if (!lb_push(p, &out, lb_finish(&c, VAL_NIL))) return err_system_limit(p);
        if (partial) break;
        for (int64_t k = 0; k < step && val_is_cons(l); k++) l = val_tail(l);
    }
    return lb_finish(&out, VAL_NIL);
}

static bool positive(Value v) { return val_is_int(v) && val_int_get(v) > 0; }

Value enum_chunk_every2(Process *p, const Value *a)
{
    Value args[4] = {a[0], a[1], a[1], VAL_NIL};
    if (!positive(a[1])) return fclause(p, "chunk_every", 4, args);
    return chunk_every(p, a[0], val_int_get(a[1]), val_int_get(a[1]), VAL_NIL);
}

Value enum_chunk_every3(Process *p, const Value *a)
{
    Value args[4] = {a[0], a[1], a[2], VAL_NIL};
    if (!positive(a[1]) || !positive(a[2])) return fclause(p, "chunk_every", 4, args);
    return chunk_every(p, a[0], val_int_get(a[1]), val_int_get(a[2]), VAL_NIL);
}

Value enum_chunk_every4(Process *p, const Value *a)
{
    if (!positive(a[1]) || !positive(a[2])) return fclause(p, "chunk_every", 4, a);
    Value leftover = a[3];
    if (leftover != val_atom_cstr("discard") && (leftover = enum_list(p, a[3])) == THE_NON_VALUE) return THE_NON_VALUE;
    return chunk_every(p, a[0], val_int_get(a[1]), val_int_get(a[2]), leftover);
}

/* __with_index__(e, offset): [{x0, offset}, {x1, offset + 1}, ...]. */
Value enum_with_index_offset(Process *p, const Value *a)
{
    if (!val_is_int(a[1])) return fclause(p, "with_index", 2, a);
    Value l = enum_list(p, a[0]);
    if (l == THE_NON_VALUE) return l;
    ListBuilder b;
    lb_init(&b);
    int64_t i = val_int_get(a[1]);
    for (; val_is_cons(l); l = val_tail(l), i++) {
        Value t = pair(p, val_head(l), val_make_int(&p->arena, i));
        if (t == THE_NON_VALUE || !lb_push(p, &b, t)) return err_system_limit(p);
    }
    return lb_finish(&b, VAL_NIL);
}

Value enum_intersperse(Process *p, const Value *a)
{
    Value l = enum_list(p, a[0]);
    if (l == THE_NON_VALUE) return l;
    ListBuilder b;
    lb_init(&b);
    for (bool first = true; val_is_cons(l); l = val_tail(l), first = false)
        if ((!first && !lb_push(p, &b, a[1])) || !lb_push(p, &b, val_head(l))) return err_system_limit(p);
    return lb_finish(&b, VAL_NIL);
}

/* Keeps (keep = true) or drops the elements at indexes 0, nth, 2 * nth, ... */
static Value every(Process *p, const Value *a, bool keep, const char *name)
{
    if (!val_is_int(a[1]) || val_int_get(a[1]) < 0) return fclause(p, name, 2, a);
    int64_t nth = val_int_get(a[1]);
    Value l = enum_list(p, a[0]);
    if (l == THE_NON_VALUE) return l;
    if (nth == 0) return keep ? VAL_NIL : l;
    ListBuilder b;
    lb_init(&b);
    for (int64_t i = 0; val_is_cons(l); l = val_tail(l), i++)
        if ((i % nth == 0) == keep && !lb_push(p, &b, val_head(l))) return err_system_limit(p);
    return lb_finish(&b, VAL_NIL);
}

Value enum_take_every(Process *p, const Value *a) { return every(p, a, true, "take_every"); }
Value enum_drop_every(Process *p, const Value *a) { return every(p, a, false, "drop_every"); }

/* The elements of every enumerable in list `ls` (already a list), one after the other. */
static Value concat(Process *p, Value ls)
{
    ListBuilder b;
    lb_init(&b);
    for (; val_is_cons(ls); ls = val_tail(ls)) {
        Value l = enum_list(p, val_head(ls));
        if (l == THE_NON_VALUE) return l;
        for (; val_is_cons(l); l = val_tail(l))
            if (!lb_push(p, &b, val_head(l))) return err_system_limit(p);
    }
    return lb_finish(&b, VAL_NIL);
}

Value enum_concat1(Process *p, const Value *a)
{
    Value ls = enum_list(p, a[0]);
    return ls == THE_NON_VALUE ? ls : concat(p, ls);
}

Value enum_concat2(Process *p, const Value *a)
{
    Value ls = val_make_list(&p->arena, a, 2, VAL_NIL);
    return ls == THE_NON_VALUE ? err_system_limit(p) : concat(p, ls);
}

static Value truthiness(Process *p, Value e, bool want_any)
{
    Value l = enum_list(p, e);
    if (l == THE_NON_VALUE) return l;
    for (; val_is_cons(l); l = val_tail(l))
        if (val_truthy(val_head(l)) == want_any) return val_bool(want_any);
    return val_bool(!want_any);
}

Value enum_any1(Process *p, const Value *a) { return truthiness(p, a[0], true); }
Value enum_all1(Process *p, const Value *a) { return truthiness(p, a[0], false); }

/* A uniform random number in [0, n), n > 0. */
static uint64_t random_below(uint64_t n)
{
    static _Thread_local uint64_t state;
    if (state == 0) {
        struct timespec ts;
        clock_gettime(CLOCK_REALTIME, &ts);
        state = ((uint64_t)ts.tv_nsec << 20) ^ (uint64_t)ts.tv_sec ^ (uint64_t)(uintptr_t)&state;
        if (state == 0) state = 0x9E3779B97F4A7C15u;
    }
    state ^= state >> 12;
    state ^= state << 25;
    state ^= state >> 27;
    return (state * 0x2545F4914F6CDD1Du) % n;
}

/* The elements of e in a malloc'd array, shuffled (Fisher-Yates); NULL after raising. */
static Value *shuffled(Process *p, Value e, long *n)
{
    Value l = enum_list(p, e);
    if (l == THE_NON_VALUE) return NULL;
    *n = lib_list_length(l);
    Value *items = malloc(((size_t)(*n > 0 ? *n : 0) + 1) * sizeof *items);
    if (!items) return err_system_limit(p), NULL;
    long i = 0;
    for (; val_is_cons(l); l = val_tail(l)) items[i++] = val_head(l);
    for (long k = *n - 1; k > 0; k--) {
        long j = (long)random_below((uint64_t)k + 1);
        Value t = items[k];
        items[k] = items[j], items[j] = t;
    }
    return items;
}

Value enum_random(Process *p, const Value *a)
{
    EnumRange r;
    if (enum_range(a[0], &r)) {
        int64_t n = enum_range_count(&r);
        if (n == 0) return raise_error(p, exception_default(p, val_atom_cstr("Elixir.Enum.EmptyError")));
        return val_make_int(&p->arena, r.first + (int64_t)random_below((uint64_t)n) * r.step);
    }
    Value l = enum_list(p, a[0]);
    if (l == THE_NON_VALUE) return l;
    long n = lib_list_length(l);
    if (n <= 0) return raise_error(p, exception_default(p, val_atom_cstr("Elixir.Enum.EmptyError")));
    for (long i = (long)random_below((uint64_t)n); i > 0; i--) l = val_tail(l);
    return val_head(l);
}

Value enum_shuffle(Process *p, const Value *a)
{
    long n;
    Value *items = shuffled(p, a[0], &n);
    if (!items) return THE_NON_VALUE;
    Value r = val_make_list(&p->arena, items, (size_t)n, VAL_NIL);
    free(items);
    return r == THE_NON_VALUE ? err_system_limit(p) : r;
}

Value enum_take_random(Process *p, const Value *a)
{
    if (!val_is_int(a[1]) || val_int_get(a[1]) < 0) return fclause(p, "take_random", 2, a);
    long n;
    Value *items = shuffled(p, a[0], &n);
    if (!items) return THE_NON_VALUE;
    long k = val_int_get(a[1]) < n ? (long)val_int_get(a[1]) : n;
    Value r = val_make_list(&p->arena, items, (size_t)k, VAL_NIL);
    free(items);
    return r == THE_NON_VALUE ? err_system_limit(p) : r;
}
