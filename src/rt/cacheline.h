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

/* Asks for the line holding `p` in a state this core can write at once (on x86-64 the
 * PREFETCHW instruction; __builtin_prefetch(p, 1) only emits it when the target flags allow,
 * and a read prefetch then costs a second trip to the other core when the write comes).
 * For memory another core wrote last: the transfers of several lines then overlap. */
static inline void prefetch_write(const void *p)
{
#if defined(__x86_64__)
    __asm__ volatile("prefetchw %0" : : "m"(*(const char *)p));
#else
    __builtin_prefetch(p, 1);
#endif
}

#endif
