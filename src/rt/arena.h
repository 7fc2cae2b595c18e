/* arena.h: a process's heap (DESIGN §3). Every value a process builds is allocated here.
 *
 * Owns: the chunks of one process's heap and the heap-size growth curve. Does not own: the
 * roots (the VM's stack, registers, mailbox), which gc_collect (gc.h) is handed, nor the
 * values' layout (value.h).
 * Invariants: arena_alloc never moves anything and never collects, so C code holding Values
 * between allocations never loses them; only gc_collect moves objects. Memory is only ever
 * touched by the owning process's thread (one thread at a time). When the current chunk is
 * full a new chunk is linked; the next collection copies everything live into one fresh region
 * and frees all the old chunks. Messages are not part of the heap until a receive copies them
 * in (HEAP.md), so only the arena's own chunks are ever collected.
 * Sizes are in words (8 bytes) unless a name says bytes.
 * First heap: nothing is allocated until the first arena_alloc, which takes ARENA_FIRST_WORDS
 * (21 words, 168 bytes): a parked process must cost <= 512 bytes in all (DESIGN §5), and
 * BEAM's 233-word first heap (1.8 KB) alone would be over. Heap sizes then follow BEAM's
 * Fibonacci curve from there (21, 34, 55, 89, 144, 233, 377, ...; +20% steps past 1M words).
 */
#ifndef EMBER_ARENA_H
#define EMBER_ARENA_H
#include <stdbool.h>
#include <stddef.h>

#include "value/value.h"

#define ARENA_FIRST_WORDS 21

/* A block of heap memory. */
typedef struct ArenaChunk {
    struct ArenaChunk *next;
    size_t words;  /* capacity of data[] */
    Value data[];
} ArenaChunk;

/* One process's heap: 6 words, meant to be embedded in the process control block.
 * Owner thread only (whichever scheduler thread runs the process). */
typedef struct Arena {
    Value *top;            /* next free word of the current chunk */
    Value *limit;          /* end of the current chunk's free space */
    ArenaChunk *chunks;    /* all chunks, newest first (the GC region among them) */
    size_t heap_words;     /* collect once used_words passes this (the growth curve) */
    size_t used_words;     /* live after the last collection + allocated since */
    size_t max_heap_words; /* Process.flag(:max_heap_size): 0 = unlimited */
} Arena;

/* Makes `a` an empty arena. Allocates nothing (the first chunk comes with the first
 * arena_alloc). An all-zero Arena is also valid and empty. */
void arena_init(Arena *a);

/* Frees every chunk of `a` at once (process death); `a` is left empty
 * and may be reused. All values in it become invalid. */
void arena_free(Arena *a);

/* A chunk with room for `words` words (its `words` set, `next` not), or NULL if out of
 * memory. Small ones come from the signal pool (sigpool.h): a process's chunks are often
 * made on one thread and freed on another. Any thread. */
ArenaChunk *arena_chunk_new(size_t words);

/* Frees a chunk from arena_chunk_new, on any thread. NULL is fine. */
void arena_chunk_free(ArenaChunk *c);

/* The slow path of arena_alloc: links a new chunk. Do not call directly. */
Value *arena_alloc_chunk(Arena *a, size_t words);

/* Allocates `words` uninitialised words (8-byte aligned) in `a`, by bumping a pointer; links a
 * new chunk when the current one is full. Never moves anything and never collects.
 * Returns NULL only if malloc fails. */
static inline Value *arena_alloc(Arena *a, size_t words)
{
    if ((size_t)(a->limit - a->top) >= words) {
        Value *p = a->top;
        a->top += words;
        a->used_words += words;
        return p;
    }
    return arena_alloc_chunk(a, words);
}

/* True once `a` has allocated past its heap size, so the VM should call gc_collect at its
 * next safe point. Always true in the `make gcstress` build (-DEMBER_GC_STRESS). */
static inline bool arena_wants_gc(const Arena *a)
{
#ifdef EMBER_GC_STRESS
    (void)a;
    return true;
#else
    return a->used_words > a->heap_words;
#endif
}

/* Allocates `words` (> 0) uninitialised words in a chunk of exactly that size, linked into `a`;
 * arena_alloc keeps bumping in the chunk it had (its free space is not lost). For filling the
 * heap of a process that has not run yet (spawn's copy of the closure): a process parked right
 * away then holds no unused heap words. Returns NULL only if malloc fails. Never collects. */
Value *arena_alloc_exact(Arena *a, size_t words);

/* Words in use in `a` (live after the last collection plus allocated since), for
 * Process.info(pid, :memory) and heap_size-like reports. */
size_t arena_used_words(const Arena *a);

/* Words of memory `a` holds: every chunk's capacity. Multiply by 8 and add sizeof(Arena) for
 * bytes. */
size_t arena_heap_words(const Arena *a);

/* Sets the process's max heap size in words (0 = unlimited), as
 * Process.flag(:max_heap_size, words); checked by gc_collect. */
void arena_set_max_heap(Arena *a, size_t words);

/* The growth curve: the smallest heap size (words) on the curve that is >= `words`. */
size_t arena_curve_size(size_t words);

#endif
