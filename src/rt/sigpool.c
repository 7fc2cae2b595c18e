/* sigpool.c: per-thread caches of signal blocks and the shared lists of batches (sigpool.h).
 *
 * Three block sizes, each with its own caches and shared list: two for single signals, one
 * for chunks. A thread's cache (per size) is two lists: `cur`, which get and put use, and
 * `spare`, one full batch. When `cur` reaches its batch size (class_batch), it becomes the
 * spare and the old spare goes to the shared list; when `cur` is empty, the spare (or a batch
 * from the shared list) replaces it.
 * So a thread holds at most two batches per class, and every move is O(1): a batch is
 * linked through its blocks' first words, and its first block holds its length and the link
 * to the next batch of the shared list. */
#include "rt/sigpool.h"

#include "rt/cacheline.h"

#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>

#if defined(__SANITIZE_ADDRESS__)
#define SIGPOOL_ON 0
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define SIGPOOL_ON 0
#endif
#endif
#ifndef SIGPOOL_ON
#define SIGPOOL_ON 1
#endif

/* Under ASan a chunk is its own malloc block and each signal in it is poisoned while it is
 * not handed out, so a use after free of one signal is still caught. */
#if !SIGPOOL_ON
#include <sanitizer/asan_interface.h>
#define POISON(p, n) ASAN_POISON_MEMORY_REGION((p), (n))
#define UNPOISON(p, n) ASAN_UNPOISON_MEMORY_REGION((p), (n))
#else
#define POISON(p, n) ((void)(p), (void)(n))
#define UNPOISON(p, n) ((void)(p), (void)(n))
#endif

/* The block sizes, smallest first: a block takes the first one it fits. Each is 8 bytes short
 * of a multiple of 16, so with malloc's 8-byte header a block fills its chunk exactly (a
 * 48-byte block would take a 64-byte chunk), and a block from the pool costs what malloc
 * would have taken for it. 40 holds a Signal with 2 words (a message with one payload word,
 * or an exit, link or monitor signal with an immediate payload and its sender and
 * reference), 120 one with 12; 56 and 88 are for small heap chunks (a spawned closure). */
static const size_t class_bytes[] = {40, 56, 88, SIGPOOL_BYTES, SIGPOOL_CHUNK_BYTES};
#define NCLASSES 5
#define NSIGCLASSES 4 /* the classes sigpool_alloc picks from; the last one is for chunks */
/* A signal in a chunk has this bit set in `mem`, and its offset in the chunk below it, in
 * CHUNK_UNITs. */
#define MEM_CHUNK 0x80u

#define CHUNK_UNIT 16u /* signals in a chunk start at multiples of this; `mem` counts in them */
_Static_assert(SIGPOOL_CHUNK_BYTES / CHUNK_UNIT < MEM_CHUNK, "a chunk offset fits in `mem`");

/* Lines of a chunk fetched ahead of the signals being written (sigpool_chunk_new): a sender
 * sending round-robin to many receivers starts a new chunk for each of them within a few
 * hundred nanoseconds, and asking for all 16 lines of every one of them at once overflows
 * the core's queue of outstanding misses, so most of those requests were dropped. */
#define CHUNK_AHEAD 2

/* A chunk: signals laid out one after another (sigpool_chunk_new). */
typedef struct SigChunk {
    uint32_t live; /* signals in the chunk not freed yet */
    uint32_t used; /* bytes taken, this header included */
} SigChunk;

#if SIGPOOL_ON
/* Blocks per batch, by class: chunks are 17 times bigger than the biggest blocks, so their
 * batches are 16 times smaller. */
static const uint32_t class_batch[] = {128, 128, 128, 128, 8};
#define SIGPOOL_SHARED_MAX 64 /* batches per size: 0.4-1 MB of blocks, 1 MB of chunks */

/* A free block. Only the first block of a batch that is not a thread's `cur` uses the last
 * two fields. */
typedef struct FreeSig {
    struct FreeSig *next;       /* the next block of the batch */
    struct FreeSig *next_batch; /* in the shared list: the next batch */
    uint32_t len;               /* blocks in the batch */
} FreeSig;

static pthread_mutex_t shared_lock = PTHREAD_ADAPTIVE_MUTEX_INITIALIZER_NP; /* lock.h */
static struct {
    FreeSig *batches; /* guarded by shared_lock */
    uint32_t n;       /* batches in the list, guarded by shared_lock */
} shared[NCLASSES];

/* This thread's cache, per size. */
static _Thread_local struct {
    FreeSig *cur, *spare;
    uint32_t ncur;
} mine[NCLASSES];
static _Thread_local bool keyed;
static pthread_key_t exit_key;
static pthread_once_t exit_once = PTHREAD_ONCE_INIT;

/* Passes batch `b` of size class `k` to the shared list, or back to malloc when that list is
 * full. */
static void give_batch(unsigned k, FreeSig *b)
{
    if (b == NULL)
        return;
    pthread_mutex_lock(&shared_lock);
    bool kept = shared[k].n < SIGPOOL_SHARED_MAX;
    if (kept) {
        b->next_batch = shared[k].batches;
        shared[k].batches = b;
        shared[k].n++;
    }
    pthread_mutex_unlock(&shared_lock);
    while (!kept && b != NULL) {
        FreeSig *next = b->next;
        free(b);
        b = next;
    }
}

static void thread_exit(void *unused)
{
    (void)unused;
    for (unsigned k = 0; k < NCLASSES; k++) {
        if (mine[k].cur != NULL)
            mine[k].cur->len = mine[k].ncur;
        give_batch(k, mine[k].cur);
        give_batch(k, mine[k].spare);
        mine[k].cur = mine[k].spare = NULL;
        mine[k].ncur = 0;
    }
    keyed = false; /* a later put (another key's destructor) registers again */
}

static void exit_key_init(void)
{
    if (pthread_key_create(&exit_key, thread_exit) != 0)
        exit_key = (pthread_key_t)-1;
}

/* Makes this thread's cache go to the shared list when it exits (once per thread). */
static void register_thread(void)
{
    pthread_once(&exit_once, exit_key_init);
    keyed = true;
    if (exit_key != (pthread_key_t)-1)
        (void)pthread_setspecific(exit_key, &keyed); /* the value only makes the destructor run */
}

static void *sigpool_get(unsigned k)
{
    FreeSig *cur = mine[k].cur;
    if (cur == NULL) {
        if (mine[k].spare != NULL) {
            cur = mine[k].spare;
            mine[k].spare = NULL;
        } else {
            pthread_mutex_lock(&shared_lock);
            cur = shared[k].batches;
            if (cur != NULL) {
                shared[k].batches = cur->next_batch;
                shared[k].n--;
            }
            pthread_mutex_unlock(&shared_lock);
            if (cur == NULL)
                return malloc(class_bytes[k]);
            if (!keyed)
                register_thread(); /* this thread holds blocks now (a timer thread may only get) */
        }
        mine[k].ncur = cur->len;
    }
    mine[k].cur = cur->next;
    mine[k].ncur--;
    /* Blocks usually come back from another thread, so each one is a cache miss: start the
     * next one's now, while the caller fills this one. */
    if (cur->next != NULL)
        prefetch_write(cur->next);
    return cur;
}

static void sigpool_put(unsigned k, void *block)
{
    if (!keyed)
        register_thread();
    FreeSig *f = block;
    f->next = mine[k].cur;
    mine[k].cur = f;
    if (++mine[k].ncur < class_batch[k])
        return;
    f->len = mine[k].ncur;
    give_batch(k, mine[k].spare);
    mine[k].spare = f;
    mine[k].cur = NULL;
    mine[k].ncur = 0;
}
#else
static void *sigpool_get(unsigned k) { return malloc(class_bytes[k]); }
static void sigpool_put(unsigned k, void *block)
{
    (void)k;
    free(block);
}
#endif

/* The class of a block of `bytes`, or NSIGCLASSES if it is too big for the pool. */
static unsigned class_of(size_t bytes)
{
    unsigned k = 0;
    while (k < NSIGCLASSES && bytes > class_bytes[k])
        k++;
    return k;
}

Signal *sigpool_alloc(size_t words)
{
    if (words > SIGNAL_MAX_WORDS)
        return NULL;
    size_t bytes = sizeof(Signal) + words * sizeof(Value);
    unsigned k = class_of(bytes);
    Signal *s = k < NSIGCLASSES ? sigpool_get(k) : malloc(bytes);
    if (s != NULL)
        s->mem = (uint8_t)(k < NSIGCLASSES ? k + 1 : 0);
    return s;
}

void *sigpool_block_alloc(size_t bytes)
{
    unsigned k = class_of(bytes);
    return k < NSIGCLASSES ? sigpool_get(k) : malloc(bytes);
}

void sigpool_block_free(void *block, size_t bytes)
{
    if (block == NULL)
        return;
    unsigned k = class_of(bytes);
    if (k < NSIGCLASSES)
        sigpool_put(k, block);
    else
        free(block);
}

SigChunk *sigpool_chunk_new(void)
{
    SigChunk *c = sigpool_get(NCLASSES - 1);
    /* It usually comes back from the receiver's thread, so every line of it is a miss: ask
     * for the first ones now, and sigpool_chunk_alloc asks for each next one ahead. */
    for (size_t off = 0; c != NULL && off < CHUNK_AHEAD * CACHE_LINE; off += CACHE_LINE)
        prefetch_write((char *)c + off);
    if (c != NULL) {
        c->live = 0;
        c->used = CHUNK_UNIT; /* the header, rounded up */
        POISON((char *)c + c->used, SIGPOOL_CHUNK_BYTES - c->used);
    }
    return c;
}

Signal *sigpool_chunk_alloc(SigChunk *c, size_t words)
{
    if (words > (SIGPOOL_CHUNK_BYTES - sizeof(SigChunk) - sizeof(Signal)) / sizeof(Value))
        return NULL;
    size_t bytes = (sizeof(Signal) + words * sizeof(Value) + CHUNK_UNIT - 1) & ~(size_t)(CHUNK_UNIT - 1);
    if (c->used + bytes > SIGPOOL_CHUNK_BYTES)
        return NULL;
    Signal *s = (Signal *)((char *)c + c->used);
    UNPOISON(s, bytes);
    s->mem = (uint8_t)(MEM_CHUNK | (c->used / CHUNK_UNIT));
    c->used += (uint32_t)bytes;
    c->live++;
    size_t ahead = c->used + (CHUNK_AHEAD - 1) * CACHE_LINE;
    if (ahead < SIGPOOL_CHUNK_BYTES)
        prefetch_write((char *)c + ahead);
    return s;
}

/* Lines fetched ahead of the signal a receiver has reached (sigpool_prefetch_after). */
#define RECV_AHEAD 6

void sigpool_prefetch_after(const Signal *s)
{
    if (!(s->mem & MEM_CHUNK))
        return;
    size_t off = (s->mem & ~MEM_CHUNK) * CHUNK_UNIT;
    const char *c = (const char *)s - off;
    size_t from = off == CHUNK_UNIT ? off + CACHE_LINE : off + RECV_AHEAD * CACHE_LINE;
    for (size_t a = from; a <= off + RECV_AHEAD * CACHE_LINE && a < SIGPOOL_CHUNK_BYTES; a += CACHE_LINE)
        prefetch_write(c + a);
}

void sigpool_free(Signal *s)
{
    if (s == NULL || s->mem == 0) {
        free(s);
    } else if (s->mem & MEM_CHUNK) {
        SigChunk *c = (SigChunk *)((char *)s - (s->mem & ~MEM_CHUNK) * CHUNK_UNIT);
        POISON(s, sizeof *s + s->words * sizeof(Value)); /* a late look at it is caught */
        if (--c->live == 0) {
            UNPOISON(c, SIGPOOL_CHUNK_BYTES);
            sigpool_put(NCLASSES - 1, c);
        }
    } else {
        sigpool_put(s->mem - 1u, s);
    }
}
