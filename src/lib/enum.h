/* enum.h: what the Enum builtins (enum.c, enum_order.c, enum_build.c) share with each other
 * and with the other collection modules of src/lib (List, Map, Keyword, String): turning an
 * enumerable into a list, reading a %Range{}, building lists front to back, and raising the
 * errors Elixir's collection functions raise. Not a public header.
 * Enumerables are lists, %Range{} structs, maps (as {key, value} pairs in key order) and
 * MapSets; anything else raises Protocol.UndefinedError for Enumerable.
 */
#ifndef EMBER_ENUM_H
#define EMBER_ENUM_H
#include <stdbool.h>
#include <stdint.h>

#include "lib/builtins.h"
#include "rt/process.h"

/* A range first..last//step (step never 0). */
typedef struct EnumRange {
    int64_t first, last, step;
} EnumRange;

/* True if `v` is a %Range{} with integer bounds and a non-zero step; fills *r. */
bool enum_range(Value v, EnumRange *r);

/* The number of elements of range `r` (0 when the step points away from last). */
int64_t enum_range_count(const EnumRange *r);

/* The elements of enumerable `e` as a proper list (a list is returned as it is), or
 * THE_NON_VALUE after raising Protocol.UndefinedError (or SystemLimitError). */
Value enum_list(Process *p, Value e);

/* The elements of proper list `list` in reverse order, in front of `tail`. THE_NON_VALUE
 * after raising SystemLimitError. */
Value enum_reverse_onto(Process *p, Value list, Value tail);

/* Raises FunctionClauseError for MODULE.name/arity called with args[0..arity); MODULE is an
 * Elixir alias ("List") or an Erlang module ("lists"). */
Value enum_fclause(Process *p, const char *module, const char *name, uint32_t arity, const Value *args);

/* A list built front to back: the cells are written once, before the builtin returns (an
 * allocation never collects, so the pointers stay valid until then). */
typedef struct ListBuilder {
    Value head;
    Value *tail; /* the slot the next cell goes into */
} ListBuilder;

static inline void lb_init(ListBuilder *b)
{
    b->head = VAL_NIL;
    b->tail = &b->head;
}

/* Appends `v`; false if memory ran out (the caller raises SystemLimitError). */
MUST_CHECK static inline bool lb_push(Process *p, ListBuilder *b, Value v)
{
    Value c = val_make_cons(&p->arena, v, VAL_NIL);
    if (c == THE_NON_VALUE) return false;
    *b->tail = c;
    b->tail = &val_cons_ptr(c)[1];
    return true;
}

/* The list built so far, ending in `tail` (VAL_NIL for a proper list). */
static inline Value lb_finish(ListBuilder *b, Value tail)
{
    *b->tail = tail;
    return b->head;
}

/* Builtins defined in enum_order.c and enum_build.c, registered in enum.c's table. */
Value enum_sort(Process *p, const Value *a);
Value enum_sort_desc(Process *p, const Value *a);
Value enum_sort_keyed(Process *p, const Value *a);
Value enum_max(Process *p, const Value *a);
Value enum_min(Process *p, const Value *a);
Value enum_min_max(Process *p, const Value *a);
Value enum_uniq(Process *p, const Value *a);
Value enum_dedup(Process *p, const Value *a);
Value enum_frequencies(Process *p, const Value *a);
Value enum_join1(Process *p, const Value *a);
Value enum_join2(Process *p, const Value *a);
Value enum_zip1(Process *p, const Value *a);
Value enum_zip2(Process *p, const Value *a);
Value enum_unzip(Process *p, const Value *a);
Value enum_chunk_every2(Process *p, const Value *a);
Value enum_chunk_every3(Process *p, const Value *a);
Value enum_chunk_every4(Process *p, const Value *a);
Value enum_with_index_offset(Process *p, const Value *a);
Value enum_intersperse(Process *p, const Value *a);
Value enum_take_every(Process *p, const Value *a);
Value enum_drop_every(Process *p, const Value *a);
Value enum_concat1(Process *p, const Value *a);
Value enum_concat2(Process *p, const Value *a);
Value enum_any1(Process *p, const Value *a);
Value enum_all1(Process *p, const Value *a);
Value enum_random(Process *p, const Value *a);
Value enum_shuffle(Process *p, const Value *a);
Value enum_take_random(Process *p, const Value *a);

#endif
