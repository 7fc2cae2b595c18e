/* sigpool.c: per-thread caches of signal blocks and the shared list of batches (sigpool.h).
 *
 * A thread's cache is two lists: `cur`, which get and put use, and `spare`, one full batch.
 * When `cur` reaches SIGPOOL_BATCH blocks, it becomes the spare and the old spare goes to the
 * shared list; when `cur` is empty, the spare (or a batch from the shared list) replaces it.
 * So a thread holds at most 2 * SIGPOOL_BATCH blocks, and every move is O(1): a batch is
 * linked through its blocks' first words, and its first block holds its length and the link
 * to the next batch of the shared list. */
#include "rt/sigpool.h"

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

#if SIGPOOL_ON
#define SIGPOOL_BATCH 128
#define SIGPOOL_SHARED_MAX 256 /* batches: 4 MB */

/* A free block. Only the first block of a batch that is not a thread's `cur` uses the last
 * two fields. */
typedef struct FreeSig {
    struct FreeSig *next;       /* the next block of the batch */
    struct FreeSig *next_batch; /* in the shared list: the next batch */
    uint32_t len;               /* blocks in the batch */
} FreeSig;

static struct {
    pthread_mutex_t lock;
    FreeSig *batches; /* guarded by lock */
    uint32_t n;       /* batches in the list, guarded by lock */
} shared = {PTHREAD_MUTEX_INITIALIZER, NULL, 0};

static _Thread_local FreeSig *cur, *spare;
static _Thread_local uint32_t ncur;
static _Thread_local bool keyed;
static pthread_key_t exit_key;
static pthread_once_t exit_once = PTHREAD_ONCE_INIT;

/* Passes batch `b` to the shared list, or back to malloc when that list is full. */
static void give_batch(FreeSig *b)
{
    if (b == NULL)
        return;
    pthread_mutex_lock(&shared.lock);
    bool kept = shared.n < SIGPOOL_SHARED_MAX;
    if (kept) {
        b->next_batch = shared.batches;
        shared.batches = b;
        shared.n++;
    }
    pthread_mutex_unlock(&shared.lock);
    while (!kept && b != NULL) {
        FreeSig *next = b->next;
        free(b);
        b = next;
    }
}

static void thread_exit(void *unused)
{
    (void)unused;
    if (cur != NULL)
        cur->len = ncur;
    give_batch(cur);
    give_batch(spare);
    cur = spare = NULL;
    ncur = 0;
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

static void *sigpool_get(void)
{
    if (cur == NULL) {
        if (spare != NULL) {
            cur = spare;
            spare = NULL;
        } else {
            pthread_mutex_lock(&shared.lock);
            cur = shared.batches;
            if (cur != NULL) {
                shared.batches = cur->next_batch;
                shared.n--;
            }
            pthread_mutex_unlock(&shared.lock);
            if (cur == NULL)
                return malloc(SIGPOOL_BYTES);
            if (!keyed)
                register_thread(); /* this thread holds blocks now (a timer thread may only get) */
        }
        ncur = cur->len;
    }
    FreeSig *f = cur;
    cur = f->next;
    ncur--;
    /* Blocks usually come back from another thread, so each one is a cache miss: start the
     * next one's now, while the caller fills this one. */
    if (cur != NULL)
        __builtin_prefetch(cur, 1);
    return f;
}

static void sigpool_put(void *block)
{
    if (!keyed)
        register_thread();
    FreeSig *f = block;
    f->next = cur;
    cur = f;
    if (++ncur < SIGPOOL_BATCH)
        return;
    cur->len = ncur;
    give_batch(spare);
    spare = cur;
    cur = NULL;
    ncur = 0;
}
#else
static void *sigpool_get(void) { return malloc(SIGPOOL_BYTES); }
static void sigpool_put(void *block) { free(block); }
#endif

Signal *sigpool_alloc(size_t words)
{
    if (words > (SIZE_MAX - sizeof(Signal)) / sizeof(Value))
        return NULL;
    size_t bytes = sizeof(Signal) + words * sizeof(Value);
    bool pooled = bytes <= SIGPOOL_BYTES;
    Signal *s = pooled ? sigpool_get() : malloc(bytes);
    if (s != NULL)
        s->mem = pooled;
    return s;
}

void sigpool_free(Signal *s)
{
    if (s != NULL && s->mem)
        sigpool_put(s);
    else
        free(s);
}
