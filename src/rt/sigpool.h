/* sigpool.h: memory for signals (DESIGN §5), and the small blocks of processes (below).
 * Every message is one block (runtime.c, rt_signal_new), made on the sender's thread and
 * freed on the receiver's, often another one:
 * with malloc, a producer's thread kept asking its arena for fresh memory while the consumer's
 * thread handed the blocks back to that arena under its lock (most of fjthrput's time with
 * --threads 2).
 *
 * Owns: blocks of 40 bytes (a Signal with up to 2 words, e.g. an immediate: one 48-byte
 * malloc chunk), 56, 88 and SIGPOOL_BYTES (up to 12 words), and chunks of 2 KB that hold
 * many signals (below), in per-thread caches and a shared list of magazines per size. A
 * thread's cache is an array of free blocks (128 blocks, 32 chunks); a thread that frees more
 * than it allocates passes half of it at a time (one lock per magazine) to the shared list,
 * and a thread that allocates more takes whole magazines from there. Does not own: what is
 * in a block, nor bigger blocks (plain malloc).
 * Invariants: a block is in at most one cache or magazine; a shared list keeps at most 8,192
 * blocks (0.3 to 1 MB, by size) or 512 chunks (1 MB), the rest goes back to
 * malloc, so a burst of queued messages does not stay reserved for ever. A thread's cache
 * moves to the shared list when the thread exits. ASan builds use malloc/free for every block
 * and chunk, so a use after free is still caught.
 * The runtime makes and frees signals with rt_signal_new (runtime.h) and sigpool_free.
 */
#ifndef EMBER_SIGPOOL_H
#define EMBER_SIGPOOL_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "rt/mailbox.h"

/* Bytes of the bigger pooled blocks: a Signal header (24) and up to 12 words ({:work, x}
 * takes 3); the smaller ones are 40 bytes (up to 2 words: immediates need none). */
#define SIGPOOL_BYTES 120

/* A signal block with room for `words` words after the header (uninitialised but for `mem`,
 * which records where it came from): from the pool when it fits SIGPOOL_BYTES, else from
 * malloc. Any thread. NULL if out of memory or `words` is over SIGNAL_MAX_WORDS. */
Signal *sigpool_alloc(size_t words);

/* Frees a block from sigpool_alloc, on any thread (not only the one that got it). NULL is
 * fine. */
void sigpool_free(Signal *s);

/* ---- plain blocks: small heap chunks, stacks and frame arrays of processes ----
 * A process's memory, like a signal, is often made on one thread and freed on another (a
 * spawned closure is copied into the child's heap by the parent; a process moves to the
 * worker that wakes it or steals it): from malloc, each such free took the other thread's
 * arena lock (skynet's slow runs on two threads spent a fifth of their time in malloc and
 * free, and slept on those locks). */

/* A block of at least `bytes` bytes (16-byte aligned), from the pool when `bytes` is at most
 * SIGPOOL_BYTES, else from malloc. Any thread. NULL if out of memory. */
void *sigpool_block_alloc(size_t bytes);

/* Frees `block` from sigpool_block_alloc(bytes), passing the same `bytes`, on any thread.
 * NULL is fine. */
void sigpool_block_free(void *block, size_t bytes);

/* ---- chunks: many signals for one receiver in one block (outbox.h) ----
 * Signals laid out one after another are read by the receiver's thread one after another, so
 * the hardware fetches the next ones while it works on the first (one block per signal is a
 * pointer chase, each step a cache miss when the sender ran on another core). A chunk is
 * freed when the last signal in it is: sigpool_free counts them down. The signals of a chunk
 * must all go to one receiver, so that one thread at a time frees them. */
typedef struct SigChunk SigChunk;

/* Bytes of a chunk, header included: 40 messages of {:work, x}. Each chunk a sender starts is
 * a cache miss (it comes back from the receiver's core), so fewer, bigger chunks: 2 KB ones
 * made fork-join throughput on two threads 6% faster than 1 KB ones. Not 2 KB exactly: with
 * malloc's 8-byte header a chunk then took 31 lines, so the chunks a sender fills side by side
 * (one per receiver) start in different sets of the L1 cache; at a 2 KB stride all of them
 * fell in two sets, and cachegrind counted an L1 miss for 5 in 6 of fork-join's 1.2 million
 * chunk signals (the fill count read back, then the signal written), none at this size. */
#define SIGPOOL_CHUNK_BYTES 1976

/* A chunk being filled, as its filler keeps count of it: filling never reads the chunk's
 * header back (its first line, which comes back from the receiver's core), and the header is
 * written once, when the chunk is sealed. */
typedef struct SigChunkFill {
    SigChunk *chunk; /* NULL: none */
    uint32_t used;   /* bytes taken, the header included */
    uint32_t live;   /* signals taken */
} SigChunkFill;

/* Starts filling a new, empty chunk in `f` (whose chunk, if any, must be sealed first).
 * Returns false if out of memory (f->chunk is then NULL). Any thread. (Under ASan a chunk is
 * a malloc block of its own, and a signal freed in it is poisoned, so a use after free is
 * caught.) */
bool sigpool_chunk_new(SigChunkFill *f);

/* A signal block with room for `words` payload words, taken from the free end of f's chunk
 * (the caller's until the signal is sent), or NULL if there is no chunk or it does not fit;
 * `mem` is set as for sigpool_alloc. No signal of the chunk may be freed before it is sealed. */
Signal *sigpool_chunk_alloc(SigChunkFill *f, size_t words);

/* Whether a signal of `words` payload words fits in an empty chunk. */
bool sigpool_chunk_fits(size_t words);

/* Ends filling f's chunk: writes its header, after which sigpool_free frees its signals and
 * the chunk with the last of them (a chunk that got no signal is freed now); f->chunk becomes
 * NULL. Nothing to do if f has no chunk. */
void sigpool_chunk_seal(SigChunkFill *f);

/* Chunks sigpool_chunk_new took from malloc on the calling thread because the pool had none
 * left: the receivers of this thread's messages are not keeping up (the chunks of what they
 * have not read yet are all out), each such chunk about one receiver's slice of messages
 * further behind. The scheduler reads and zeroes it after each slice (SCHED.md "Producers
 * keep their core"). */
extern _Thread_local uint32_t sigpool_grew;

/* Asks for the lines of `s`'s chunk a few lines past `s` (from the start of the chunk when `s`
 * is its first signal), for writing: a receiver drains its mailbox one signal after another,
 * each a pointer chase to a line the sender's core wrote, and fetching the lines ahead lets
 * those misses overlap. Lines past the chunk are never asked for. Does nothing for a signal
 * that is not in a chunk (mem 0 or a block of its own). Any thread; a hint only. */
void sigpool_prefetch_after(const Signal *s);

#endif
