/* gc.c: the collector (gc.h). The from-space is every chunk of the arena (usually one or two:
 * the region of the last collection and what was linked since); their address ranges, sorted,
 * tell the Cheney engine what to copy. The to-space is one
 * malloc'd region of max(used words, heap size) words, which bounds the live data; when the
 * live data turns out to be a small part of it, a second copy (cheap: only live words) moves
 * it into a region of the new, smaller heap size so the memory is really given back.
 */
#include "rt/gc.h"

#include <stdlib.h>

#include "rt/cheney.h"

static int cmp_range(const void *x, const void *y)
{
    const AddrRange *a = x, *b = y;
    return a->lo < b->lo ? -1 : a->lo > b->lo;
}

/* Chunks are linked geometrically between collections, so there are seldom more than a few:
 * those are sorted in `buf`, by insertion, with no malloc and no qsort. */
#define SMALL_RANGES 16

/* The arena's chunks as sorted ranges, in `buf` (SMALL_RANGES entries) when
 * they fit, else in a malloc'd array; NULL if malloc failed. */
static AddrRange *from_ranges(const Arena *a, size_t *n, AddrRange *buf)
{
    size_t count = 0;
    for (const ArenaChunk *c = a->chunks; c; c = c->next)
        count++;
    AddrRange *r = count <= SMALL_RANGES ? buf : malloc(count * sizeof *r);
    if (!r)
        return NULL;
    size_t i = 0;
    for (const ArenaChunk *c = a->chunks; c; c = c->next, i++)
        r[i] = (AddrRange){(uintptr_t)c->data, (uintptr_t)(c->data + c->words)};
    if (count <= SMALL_RANGES) {
        for (size_t j = 1; j < count; j++) {
            AddrRange x = r[j];
            size_t k = j;
            for (; k > 0 && r[k - 1].lo > x.lo; k--)
                r[k] = r[k - 1];
            r[k] = x;
        }
    } else {
        qsort(r, count, sizeof *r, cmp_range);
    }
    *n = count;
    return r;
}

typedef struct Roots {
    RootRange *ranges;
    size_t n;
    GcRootFn fn;
    void *ctx;
} Roots;

struct GcVisitor {
    Cheney c;
};

void gc_visit(GcVisitor *v, Value *slot)
{
    *slot = cheney_copy(&v->c, *slot);
}

/* Copies the roots' closure into a new chunk of `words` words; NULL if out of memory. */
static ArenaChunk *copy_live(const AddrRange *from, size_t nfrom, const Roots *roots, size_t words,
                             Value **low, Value **high)
{
    ArenaChunk *region = arena_chunk_new(words);
    if (!region)
        return NULL;
    region->next = NULL;
    GcVisitor v;
    cheney_init(&v.c, region->data, region->data + words, from, nfrom);
    for (size_t r = 0; r < roots->n; r++)
        for (size_t i = 0; i < roots->ranges[r].count; i++)
            gc_visit(&v, &roots->ranges[r].start[i]);
    if (roots->fn)
        roots->fn(roots->ctx, &v);
    cheney_scan(&v.c);
    *low = v.c.low;
    *high = v.c.high;
    return region;
}

static void free_from_space(Arena *a)
{
    size_t max = a->max_heap_words, heap = a->heap_words;
    arena_free(a);
    a->max_heap_words = max;
    a->heap_words = heap;
}

/* The heap size after a collection that left `live` words of a `heap`-word heap. */
static size_t next_heap_size(size_t heap, size_t live)
{
    if (live > heap / 2 || live < heap / 8)
        heap = arena_curve_size(2 * live);
    return heap < ARENA_FIRST_WORDS ? ARENA_FIRST_WORDS : heap;
}

static void install(Arena *a, ArenaChunk *region, Value *low, Value *high)
{
    a->chunks = region;
    a->top = low;
    a->limit = high;
    a->used_words = (size_t)(low - region->data) + (size_t)(region->data + region->words - high);
}

/* Second pass: moves the live data of the single-chunk arena `a` into `words` words. */
static void shrink(Arena *a, const Roots *roots, size_t words)
{
    ArenaChunk *old = a->chunks;
    AddrRange from = {(uintptr_t)old->data, (uintptr_t)(old->data + old->words)};
    Value *low, *high;
    ArenaChunk *region = copy_live(&from, 1, roots, words, &low, &high);
    if (!region)
        return; /* keep the bigger region: still correct */
    arena_chunk_free(old);
    install(a, region, low, high);
}

int gc_collect(Arena *a, RootRange *roots, size_t nroots)
{
    return gc_collect_with(a, roots, nroots, NULL, NULL);
}

int gc_collect_with(Arena *a, RootRange *ranges, size_t nroots, GcRootFn fn, void *ctx)
{
    Roots roots = {ranges, nroots, fn, ctx};
    if (a->heap_words == 0)
        a->heap_words = ARENA_FIRST_WORDS;
    size_t nfrom;
    AddrRange small[SMALL_RANGES] = {{0, 0}};
    AddrRange *from = from_ranges(a, &nfrom, small);
    if (!from)
        return GC_NOMEM;
    size_t words = a->used_words > a->heap_words ? a->used_words : a->heap_words;
    Value *low, *high;
    ArenaChunk *region = copy_live(from, nfrom, &roots, words, &low, &high);
    if (from != small)
        free(from);
    if (!region)
        return GC_NOMEM;
    free_from_space(a);
    install(a, region, low, high);
    a->heap_words = next_heap_size(a->heap_words, a->used_words);
    if (region->words >= 4 * a->heap_words)
        shrink(a, &roots, a->heap_words);
    if (a->max_heap_words && a->used_words > a->max_heap_words)
        return GC_HEAP_LIMIT;
    return GC_OK;
}
