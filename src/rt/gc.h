/* gc.h: the per-process copying collector (DESIGN §3).
 *
 * Owns: moving a process's live data into one fresh region and freeing everything else, and
 * the heap-size policy after a collection. Does not own: finding roots (the VM hands them
 * over) or deciding when to run (the VM calls it at safe points when arena_wants_gc).
 * Invariants: only gc_collect moves objects; afterwards every root and every value reachable
 * from them points into the new region (or at static memory), the arena has exactly one
 * chunk. Values not listed in a root are invalid after a collection.
 */
#ifndef EMBER_GC_H
#define EMBER_GC_H
#include <stddef.h>

#include "rt/arena.h"

/* `count` Values at `start` the VM owns (stack, registers, mailbox entries), updated in place.
 * Every word must be a Value; a word that does not point into this arena is left untouched
 * (so static constants and literals kept with compiled code are fine). */
typedef struct RootRange {
    Value *start;
    size_t count;
} RootRange;

enum {
    GC_OK = 0,
    GC_NOMEM = -1,      /* malloc failed: nothing moved, the arena is as before */
    GC_HEAP_LIMIT = -2, /* collected, but live words exceed max_heap_words: kill the process */
};

/* Roots kept elsewhere than in arrays (a linked mailbox, a process dictionary): the collector
 * calls a GcRootFn once per pass, which calls gc_visit on every slot holding a Value. */
typedef struct GcVisitor GcVisitor;
typedef void (*GcRootFn)(void *ctx, GcVisitor *v);
/* Moves what *slot refers to (if it is in the arena being collected) and updates *slot. */
void gc_visit(GcVisitor *v, Value *slot);

/* Collects `a`: Cheney copy of everything reachable from the `nroots` ranges at `roots` into
 * one fresh region, frees all old chunks, then sizes the heap on the
 * growth curve (grows when live > half the heap, shrinks when live < 1/8 of it).
 * MOVES OBJECTS: every Value not in a root is stale afterwards. Iterative (no C recursion).
 * Returns GC_OK, GC_NOMEM or GC_HEAP_LIMIT (BEAM's max_heap_size kill). */
MUST_CHECK int gc_collect(Arena *a, RootRange *roots, size_t nroots);

/* gc_collect with more roots: `fn(ctx, visitor)` is called once per copying pass (so maybe
 * twice) and must gc_visit every root slot it knows; `fn` may be NULL. Must not allocate in
 * `a`. Same results as gc_collect. */
MUST_CHECK int gc_collect_with(Arena *a, RootRange *roots, size_t nroots, GcRootFn fn, void *ctx);

#endif
