/* sigpool.c: per-thread caches of signal blocks and the shared lists of magazines (sigpool.h).
 *
 * Five block sizes, each with its own caches and shared list. A thread's cache (per size) is
 * an array of free blocks (a magazine of up to class_batch blocks): get takes the newest, put
 * adds one. When it is full, its older half goes to the shared list as one magazine; when it
 * is empty, a magazine from the shared list refills it. So a thread holds at most one
 * magazine per class, and the blocks themselves are never written while they are free. */
#include "rt/sigpool.h"

#include "rt/cacheline.h"

#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

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

_Thread_local uint32_t sigpool_grew; /* sigpool.h; never set when the pool is off (ASan) */

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
/* Blocks per magazine, by class: chunks are 17 times bigger than the biggest blocks, so their
 * magazines hold 4 times fewer. */
static const uint32_t class_batch[] = {128, 128, 128, 128, 32};
#define MAG_MAX 128
/* Blocks the shared list keeps, by class: 0.3-1 MB of blocks, 1 MB of chunks; past that, freed
 * blocks go back to malloc. */
static const uint32_t class_shared_max[] = {8192, 8192, 8192, 8192, 512};

/* Free blocks are kept in arrays of pointers, not linked through the blocks: a sender takes
 * blocks freed on the receivers' core, dozens within a microsecond (a chunk per receiver per
 * slice), and when each block held the next one's address every take waited for the last
 * block's line (80% of the take in fork-join throughput on two threads). From an array, the
 * lines of the blocks a few takes ahead are asked for now. */
#define MAG_AHEAD 7 /* blocks */

/* A full magazine in the shared list. */
typedef struct Magazine {
    struct Magazine *next;
    uint32_t n;
    void *items[MAG_MAX];
} Magazine;

static pthread_mutex_t shared_lock = PTHREAD_ADAPTIVE_MUTEX_INITIALIZER_NP; /* lock.h */
static struct {
    Magazine *full; /* guarded by shared_lock */
    uint32_t n;     /* blocks in the list's magazines, guarded by shared_lock */
} shared[NCLASSES];

/* Empty magazines go round rather than back to malloc: they are filled on the thread that
 * frees (a consumer's) and emptied on the one that allocates (a producer's), and a 1 KB block
 * that one thread mallocs and another frees takes the first thread's malloc arena lock each
 * time (_int_free and malloc in a producer's profile on two threads). A thread keeps one
 * (`spare`); others wait in `spares`, handed over within the lock holds give() and refill()
 * take anyway. */
#define SPARES_MAX 64
static Magazine *spares; /* guarded by shared_lock */
static uint32_t nspares; /* guarded by shared_lock */
static _Thread_local Magazine *spare;

/* This thread's cache, per size: blocks items[0..n), the newest last. */
static _Thread_local struct {
    void *items[MAG_MAX];
    uint32_t n;
} mine[NCLASSES];
static _Thread_local bool keyed;
static pthread_key_t exit_key;
static pthread_once_t exit_once = PTHREAD_ONCE_INIT;

/* Passes the oldest `n` blocks of this thread's class-`k` cache to the shared list as one
 * magazine (or back to malloc when that list is full) and moves the rest down. */
static void give(unsigned k, uint32_t n)
{
    Magazine *m = NULL;
    if (n != 0) {
        m = spare != NULL ? spare : malloc(sizeof *m);
        spare = NULL;
    }
    bool kept = false;
    if (m != NULL) {
        m->n = n;
        memcpy(m->items, mine[k].items, n * sizeof *m->items);
        pthread_mutex_lock(&shared_lock);
        kept = shared[k].n + n <= class_shared_max[k];
        if (kept) {
            m->next = shared[k].full;
            shared[k].full = m;
            shared[k].n += n;
            if (spares != NULL) { /* an empty one for the next give */
                spare = spares;
                spares = spare->next;
                nspares--;
            }
        }
        pthread_mutex_unlock(&shared_lock);
    }
    for (uint32_t i = 0; !kept && i < n; i++)
        free(mine[k].items[i]);
    if (!kept && m != NULL)
        spare = m; /* unused: kept for the next give */
    mine[k].n -= n;
    memmove(mine[k].items, mine[k].items + n, mine[k].n * sizeof *mine[k].items);
}

static void thread_exit(void *unused)
{
    (void)unused;
    for (unsigned k = 0; k < NCLASSES; k++)
        give(k, mine[k].n);
    free(spare);
    spare = NULL;
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

/* Fills this thread's empty class-`k` cache from the shared list; false if that is empty. */
static bool refill(unsigned k)
{
    Magazine *old = NULL; /* this thread's spare, if `m` replaces it and `spares` is full */
    pthread_mutex_lock(&shared_lock);
    Magazine *m = shared[k].full;
    if (m != NULL) {
        shared[k].full = m->next;
        shared[k].n -= m->n;
        if (spare != NULL && nspares < SPARES_MAX) { /* for a thread that gives */
            spare->next = spares;
            spares = spare;
            nspares++;
        } else {
            old = spare;
        }
    }
    pthread_mutex_unlock(&shared_lock);
    if (m == NULL)
        return false;
    free(old);
    if (!keyed)
        register_thread(); /* this thread holds blocks now (a timer thread may only get) */
    mine[k].n = m->n;
    memcpy(mine[k].items, m->items, m->n * sizeof *m->items);
    spare = m;
    for (uint32_t i = 1; i <= MAG_AHEAD && i <= mine[k].n; i++)
        prefetch_write(mine[k].items[mine[k].n - i]);
    return true;
}

static void *sigpool_get(unsigned k)
{
    if (mine[k].n == 0 && !refill(k)) {
        if (k == NCLASSES - 1)
            sigpool_grew++;
        return malloc(class_bytes[k]);
    }
    uint32_t n = --mine[k].n;
    if (n >= MAG_AHEAD)
        prefetch_write(mine[k].items[n - MAG_AHEAD]);
    return mine[k].items[n];
}

/* A full cache gives its older half away, so a thread that frees and takes by turns at the
 * boundary does not move a magazine each time. */
static void sigpool_put(unsigned k, void *block)
{
    if (!keyed)
        register_thread();
    if (mine[k].n == class_batch[k])
        give(k, class_batch[k] / 2);
    mine[k].items[mine[k].n++] = block;
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

bool sigpool_chunk_new(SigChunkFill *f)
{
    SigChunk *c = sigpool_get(NCLASSES - 1);
    /* It usually comes back from the receiver's thread, so every line of it is a miss: ask
     * for the first ones now, and sigpool_chunk_alloc asks for each next one ahead. */
    for (size_t off = 0; c != NULL && off < CHUNK_AHEAD * CACHE_LINE; off += CACHE_LINE)
        prefetch_write((char *)c + off);
    f->chunk = c;
    f->used = CHUNK_UNIT; /* the header, rounded up */
    f->live = 0;
    if (c != NULL)
        POISON((char *)c + CHUNK_UNIT, SIGPOOL_CHUNK_BYTES - CHUNK_UNIT);
    return c != NULL;
}

/* Payload words past which chunk_bytes could overflow; none that many fits anyway. */
#define CHUNK_MAX_WORDS ((SIGPOOL_CHUNK_BYTES - CHUNK_UNIT - sizeof(Signal)) / sizeof(Value))

/* Bytes a signal of `words` (<= CHUNK_MAX_WORDS) payload words takes in a chunk. */
static size_t chunk_bytes(size_t words)
{
    return (sizeof(Signal) + words * sizeof(Value) + CHUNK_UNIT - 1) & ~(size_t)(CHUNK_UNIT - 1);
}

bool sigpool_chunk_fits(size_t words)
{
    return words <= CHUNK_MAX_WORDS && CHUNK_UNIT + chunk_bytes(words) <= SIGPOOL_CHUNK_BYTES;
}

Signal *sigpool_chunk_alloc(SigChunkFill *f, size_t words)
{
    /* f->used >= CHUNK_UNIT, so the room check below also answers sigpool_chunk_fits. */
    if (f->chunk == NULL || words > CHUNK_MAX_WORDS)
        return NULL;
    size_t bytes = chunk_bytes(words);
    if (f->used + bytes > SIGPOOL_CHUNK_BYTES)
        return NULL;
    char *c = (char *)f->chunk;
    Signal *s = (Signal *)(c + f->used);
    UNPOISON(s, bytes);
    s->mem = (uint8_t)(MEM_CHUNK | (f->used / CHUNK_UNIT));
    f->used += (uint32_t)bytes;
    f->live++;
    size_t ahead = f->used + (CHUNK_AHEAD - 1) * CACHE_LINE;
    if (ahead < SIGPOOL_CHUNK_BYTES)
        prefetch_write(c + ahead);
    return s;
}

void sigpool_chunk_seal(SigChunkFill *f)
{
    SigChunk *c = f->chunk;
    f->chunk = NULL;
    if (c == NULL)
        return;
    if (f->live == 0) {
        UNPOISON(c, SIGPOOL_CHUNK_BYTES);
        sigpool_put(NCLASSES - 1, c);
        return;
    }
    c->live = f->live;
    c->used = f->used;
}

/* Lines fetched ahead of the signal a receiver has reached (sigpool_prefetch_after). */
#define RECV_AHEAD 6

/* Where chunk signal `s` starts in its chunk, in bytes. */
static size_t chunk_offset(const Signal *s) { return (s->mem & ~MEM_CHUNK) * CHUNK_UNIT; }

void sigpool_prefetch_after(const Signal *s)
{
    if (!(s->mem & MEM_CHUNK))
        return;
    size_t off = chunk_offset(s);
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
        SigChunk *c = (SigChunk *)((char *)s - chunk_offset(s));
        POISON(s, sizeof *s + s->words * sizeof(Value)); /* a late look at it is caught */
        if (--c->live == 0) {
            UNPOISON(c, SIGPOOL_CHUNK_BYTES);
            sigpool_put(NCLASSES - 1, c);
        }
    } else {
        sigpool_put(s->mem - 1u, s);
    }
}
