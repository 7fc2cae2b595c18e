/* arena.c: a process's heap: bump allocation in linked chunks (arena.h).
 *
 * Owns the chunk policy: the first chunk is ARENA_FIRST_WORDS, later chunks fill the heap up to
 * heap_words, and chunks past it (the VM has not reached a safe point yet) grow geometrically
 * with the heap so that a C built-in building a huge list makes few mallocs. The collector
 * (gc.c) replaces all chunks with one region and sets heap_words from the growth curve.
 */
#include "rt/arena.h"

#include <stdint.h>
#include <stdlib.h>

#include "rt/sigpool.h"

/* Fibonacci steps up to here, then +20% steps, as BEAM's heap sizes. */
#define CURVE_FIB_LIMIT ((size_t)1 << 20)
#define OVERFLOW_MIN    32

void arena_init(Arena *a)
{
    *a = (Arena){0};
    a->heap_words = ARENA_FIRST_WORDS;
}

ArenaChunk *arena_chunk_new(size_t words)
{
    if (words > (SIZE_MAX - sizeof(ArenaChunk)) / sizeof(Value))
        return NULL;
    ArenaChunk *c = sigpool_block_alloc(sizeof *c + words * sizeof(Value));
    if (c != NULL)
        c->words = words;
    return c;
}

void arena_chunk_free(ArenaChunk *c)
{
    if (c != NULL)
        sigpool_block_free(c, sizeof *c + c->words * sizeof(Value));
}

static void free_chunks(ArenaChunk *c)
{
    while (c) {
        ArenaChunk *next = c->next;
        arena_chunk_free(c);
        c = next;
    }
}

void arena_free(Arena *a)
{
    free_chunks(a->chunks);
    size_t max = a->max_heap_words;
    arena_init(a);
    a->max_heap_words = max;
}

/* Words the next chunk gets when `words` did not fit the current one. */
static size_t chunk_size(const Arena *a, size_t words)
{
    size_t want;
    size_t heap = a->heap_words ? a->heap_words : ARENA_FIRST_WORDS;
    if (a->used_words < heap)
        want = heap - a->used_words;
    else
        want = a->used_words / 2 > OVERFLOW_MIN ? a->used_words / 2 : OVERFLOW_MIN;
    return words > want ? words : want;
}

Value *arena_alloc_chunk(Arena *a, size_t words)
{
    if (a->heap_words == 0)
        a->heap_words = ARENA_FIRST_WORDS; /* an all-zero Arena */
    size_t size = chunk_size(a, words);
    ArenaChunk *c = arena_chunk_new(size);
    if (!c)
        return NULL;
    c->next = a->chunks;
    a->chunks = c;
    a->top = c->data + words;
    a->limit = c->data + size;
    a->used_words += words;
    return c->data;
}

Value *arena_alloc_exact(Arena *a, size_t words)
{
    if (a->heap_words == 0)
        a->heap_words = ARENA_FIRST_WORDS; /* an all-zero Arena */
    ArenaChunk *c = arena_chunk_new(words);
    if (!c)
        return NULL;
    c->next = a->chunks; /* top and limit stay in the chunk arena_alloc bumps in */
    a->chunks = c;
    a->used_words += words;
    return c->data;
}

size_t arena_used_words(const Arena *a)
{
    return a->used_words;
}

size_t arena_heap_words(const Arena *a)
{
    size_t n = 0;
    for (const ArenaChunk *c = a->chunks; c; c = c->next)
        n += c->words;
    return n;
}

void arena_set_max_heap(Arena *a, size_t words)
{
    a->max_heap_words = words;
}

size_t arena_curve_size(size_t words)
{
    size_t s = ARENA_FIRST_WORDS, t = 34;
    while (s < words) {
        if (t > SIZE_MAX / 4)
            return words;
        if (t < CURVE_FIB_LIMIT) {
            size_t n = s + t;
            s = t;
            t = n;
        } else {
            s = t;
            t += t / 5;
        }
    }
    return s;
}
