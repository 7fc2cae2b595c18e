/* value.c: constructors of heap values (value.h). Each allocates in the Arena it is given and
 * lays the object out as value.h documents; none collects. THE_NON_VALUE means out of memory. */
#include "value/value.h"

#include <stdatomic.h>

#include "rt/arena.h"

/* Two words, so it looks like any other tuple; the collector never copies or writes it
 * since it is outside every arena. */
static const uint64_t empty_tuple[2] = {(uint64_t)HDR_TUPLE, 0};

/* any thread, atomic: make_ref numbers (relaxed: only uniqueness matters, not order) */
static _Atomic uint64_t next_ref = 1;

Value val_make_int(Arena *a, int64_t i)
{
    if (i >= SMALL_INT_MIN && i <= SMALL_INT_MAX)
        return val_small(i);
    Value *p = arena_alloc(a, 2);
    if (!p)
        return THE_NON_VALUE;
    p[0] = hdr_make(HDR_INT, 1);
    p[1] = (uint64_t)i;
    return val_box_from(p);
}

Value val_make_float(Arena *a, double d)
{
    Value *p = arena_alloc(a, 2);
    if (!p)
        return THE_NON_VALUE;
    p[0] = hdr_make(HDR_FLOAT, 1);
    memcpy(&p[1], &d, sizeof d);
    return val_box_from(p);
}

Value val_make_binary_uninit(Arena *a, size_t len)
{
    if (len > SIZE_MAX / 2)
        return THE_NON_VALUE;
    size_t words = val_binary_words(len);
    Value *p = arena_alloc(a, words);
    if (!p)
        return THE_NON_VALUE;
    p[0] = hdr_make(HDR_BINARY, words - 1);
    p[1] = len;
    p[words - 1] = 0; /* zero the padding of the last word (or the empty payload) */
    return val_box_from(p);
}

Value val_make_binary(Arena *a, const char *bytes, size_t len)
{
    Value v = val_make_binary_uninit(a, len);
    if (v != THE_NON_VALUE && len)
        memcpy(val_binary_mut(v), bytes, len);
    return v;
}

Value val_empty_tuple(void)
{
    return val_box_from((uint64_t *)empty_tuple);
}

Value val_make_tuple(Arena *a, uint32_t arity)
{
    if (arity == 0)
        return val_empty_tuple();
    Value *p = arena_alloc(a, (size_t)arity + 1);
    if (!p)
        return THE_NON_VALUE;
    p[0] = hdr_make(HDR_TUPLE, arity);
    for (uint32_t i = 1; i <= arity; i++)
        p[i] = VAL_NIL;
    return val_box_from(p);
}

Value val_make_tuple_from(Arena *a, const Value *elems, uint32_t arity)
{
    Value t = val_make_tuple(a, arity);
    if (t != THE_NON_VALUE && arity)
        memcpy(val_tuple_elems(t), elems, arity * sizeof(Value));
    return t;
}

Value val_make_cons(Arena *a, Value head, Value tail)
{
    Value *p = arena_alloc(a, 2);
    if (!p)
        return THE_NON_VALUE;
    p[0] = head;
    p[1] = tail;
    return val_cons_from(p);
}

Value val_make_list(Arena *a, const Value *items, size_t n, Value tail)
{
    if (n == 0)
        return tail;
    if (n > SIZE_MAX / 4)
        return THE_NON_VALUE;
    Value *p = arena_alloc(a, 2 * n);
    if (!p)
        return THE_NON_VALUE;
    for (size_t i = 0; i < n; i++) {
        p[2 * i] = items[i];
        p[2 * i + 1] = i + 1 < n ? val_cons_from(&p[2 * i + 2]) : tail;
    }
    return val_cons_from(p);
}

Value val_make_ref_number(Arena *a, uint64_t number)
{
    Value *p = arena_alloc(a, 2);
    if (!p)
        return THE_NON_VALUE;
    p[0] = hdr_make(HDR_REF, 1);
    p[1] = number;
    return val_box_from(p);
}

Value val_make_ref(Arena *a)
{
    return val_make_ref_number(a, atomic_fetch_add_explicit(&next_ref, 1, memory_order_relaxed));
}

Value val_make_fun(Arena *a, const FunHead *info, uint32_t nfree)
{
    Value *p = arena_alloc(a, 2 + (size_t)nfree);
    if (!p)
        return THE_NON_VALUE;
    p[0] = hdr_make(HDR_FUN, 1 + (uint64_t)nfree);
    p[1] = (uint64_t)(uintptr_t)info;
    for (uint32_t i = 0; i < nfree; i++)
        p[2 + i] = VAL_NIL;
    return val_box_from(p);
}

Value val_make_atom(const char *name, size_t len)
{
    uint32_t index = atom_intern(name, len);
    return index == UINT32_MAX ? THE_NON_VALUE : val_atom(index);
}

Value val_atom_cstr(const char *name)
{
    return val_make_atom(name, strlen(name));
}
