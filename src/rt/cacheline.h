/* cacheline.h: keeping data that different threads write on different cache lines.
 *
 * Owns: the line size the runtime lays its shared structures out for, and allocating arrays
 * of line-aligned records (calloc only aligns to 16). Used by the scheduler's Worker and
 * EpochThread arrays and the pid table's per-thread caches. */
#ifndef EMBER_CACHELINE_H
#define EMBER_CACHELINE_H
#include <stdlib.h>
#include <string.h>

/* Bytes in a cache line (x86-64 and most arm64 cores). */
#define CACHE_LINE 64

/* Like calloc(n, size) but aligned to CACHE_LINE, for an array of records declared with
 * alignas(CACHE_LINE) (so `size` is already a multiple of it). The caller keeps n * size
 * from overflowing. Free with free(). NULL if out of memory. */
static inline void *cacheline_calloc(size_t n, size_t size)
{
    size_t bytes = n * size;
    void *p = aligned_alloc(CACHE_LINE, (bytes + CACHE_LINE - 1) & ~(size_t)(CACHE_LINE - 1));
    if (p != NULL)
        memset(p, 0, bytes);
    return p;
}

#endif
