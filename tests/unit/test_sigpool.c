/* Unit tests of src/rt/sigpool: blocks of every size hold what is written in them, blocks made
 * on one thread and freed on another come back intact and exactly once (a producer and a
 * consumer joined by a real mailbox, as messages travel), and a thread's cache is reused
 * after the thread exits. Chunks: signals laid out one after another, the chunk reused only
 * once its last signal is freed, and chains of them sent across threads arrive intact. */
#include <criterion/criterion.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "rt/sigpool.h"

#if defined(__SANITIZE_ADDRESS__)
#define POOL_ON 0
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define POOL_ON 0
#endif
#endif
#ifndef POOL_ON
#define POOL_ON 1
#endif

Test(sigpool, small_and_big_blocks_hold_their_words)
{
    size_t sizes[] = {0, 1, 3, 9, 10, 100, 10000};
    for (size_t i = 0; i < sizeof sizes / sizeof *sizes; i++) {
        size_t w = sizes[i];
        Signal *s = sigpool_alloc(w);
        cr_assert_not_null(s, "%zu words", w);
        cr_assert_eq(s->mem != 0, sizeof(Signal) + w * sizeof(Value) <= SIGPOOL_BYTES,
                     "%zu words: pooled iff it fits a block", w);
        s->words = w;
        for (size_t j = 0; j < w; j++)
            s->data[j] = (Value)(j * 7 + w);
        for (size_t j = 0; j < w; j++)
            cr_assert_eq(s->data[j], (Value)(j * 7 + w), "%zu words: word %zu", w, j);
        sigpool_free(s);
    }
    sigpool_free(NULL);
    cr_assert_null(sigpool_alloc(SIZE_MAX / 4), "an absurd size fails");
}

/* Fills `s` (room for `w` words) with words derived from `n`. */
static void fill(Signal *s, uint64_t n, size_t w)
{
    s->kind = SIG_MESSAGE;
    s->payload = (Value)n;
    s->words = (uint32_t)w;
    for (size_t j = 0; j < w; j++)
        s->data[j] = (Value)(n * 3 + j);
}

static void check(const Signal *s, uint64_t n, size_t w)
{
    cr_assert_eq(s->payload, (Value)n, "signal %lu out of order or lost", (unsigned long)n);
    for (size_t j = 0; j < w; j++)
        cr_assert_eq(s->data[j], (Value)(n * 3 + j), "signal %lu: word %zu overwritten",
                     (unsigned long)n, j);
}

Test(sigpool, chunk_signals_lie_one_after_another_until_it_is_full)
{
    SigChunkFill c = {0};
    cr_assert(sigpool_chunk_new(&c));
    Signal *got[64];
    size_t n = 0;
    Signal *s;
    while ((s = sigpool_chunk_alloc(&c, 3)) != NULL) {
        cr_assert_lt(n, 64u);
        if (n > 0) /* signals in a chunk start on 16-byte boundaries */
            cr_assert_eq((char *)s, (char *)got[n - 1] + ((sizeof(Signal) + 3 * sizeof(Value) + 15) & ~(size_t)15),
                         "signal %zu does not follow the one before", n);
        fill(s, n, 3);
        got[n++] = s;
    }
    size_t unit = (sizeof(Signal) + 3 * sizeof(Value) + 15) & ~(size_t)15;
    size_t fits = (SIGPOOL_CHUNK_BYTES - 16) / unit;
    cr_assert_eq(n, fits, "%zu signals of 3 words fit, expected %zu", n, fits);
    /* What is left takes a smaller signal exactly when it has room for one. */
    size_t left = SIGPOOL_CHUNK_BYTES - 16 - n * unit, small = (sizeof(Signal) + 15) & ~(size_t)15;
    Signal *rest = sigpool_chunk_alloc(&c, 0);
    cr_assert_eq(rest != NULL, left >= small, "%zu bytes left, a signal of %zu %s", left, small,
                 rest != NULL ? "went in" : "did not");
    if (rest != NULL) {
        rest->words = 0;
        cr_assert_null(sigpool_chunk_alloc(&c, (left - small) / sizeof(Value) + 1),
                       "a full chunk takes nothing more");
    }
    sigpool_chunk_seal(&c);
    cr_assert_null(c.chunk);
    for (size_t i = 0; i < n; i++)
        check(got[i], i, 3);
    for (size_t i = 0; i < n; i++)
        sigpool_free(got[i]);
    sigpool_free(rest);

    SigChunkFill big = {0};
    cr_assert_null(sigpool_chunk_alloc(&big, 1), "no chunk, no signal");
    cr_assert(sigpool_chunk_new(&big));
    cr_assert(!sigpool_chunk_fits(SIGPOOL_CHUNK_BYTES / sizeof(Value)));
    cr_assert_null(sigpool_chunk_alloc(&big, SIGPOOL_CHUNK_BYTES / sizeof(Value)),
                   "a signal bigger than a chunk does not go in one");
    Signal *one = sigpool_chunk_alloc(&big, 1);
    cr_assert_not_null(one);
    one->words = 1;
    sigpool_chunk_seal(&big);
    sigpool_free(one);

    SigChunkFill empty = {0}; /* a chunk sealed without a signal goes back at once */
    cr_assert(sigpool_chunk_new(&empty));
    SigChunk *was = empty.chunk;
    sigpool_chunk_seal(&empty);
    SigChunkFill again = {0};
    cr_assert(sigpool_chunk_new(&again));
    if (POOL_ON)
        cr_assert_eq(again.chunk, was, "the empty chunk was not given back");
    sigpool_chunk_seal(&again);
}

Test(sigpool, a_chunk_is_reused_only_after_its_last_signal_is_freed)
{
    SigChunkFill cf = {0};
    cr_assert(sigpool_chunk_new(&cf));
    SigChunk *c = cf.chunk;
    Signal *a = sigpool_chunk_alloc(&cf, 2), *b = sigpool_chunk_alloc(&cf, 2);
    cr_assert(a != NULL && b != NULL);
    fill(a, 1, 2);
    fill(b, 2, 2);
    sigpool_chunk_seal(&cf);
    sigpool_free(b); /* out of order: b first */
    SigChunkFill df = {0};
    cr_assert(sigpool_chunk_new(&df));
    SigChunk *d = df.chunk;
    cr_assert_neq(d, c, "a chunk with a live signal was handed out again");
    check(a, 1, 2);
    sigpool_free(a);
    Signal *x = sigpool_chunk_alloc(&df, 0);
    x->words = 0;
    sigpool_chunk_seal(&df);
    sigpool_free(x); /* d back too */
    if (POOL_ON) { /* the cache hands back the last chunk freed first */
        SigChunkFill ef = {0};
        cr_assert(sigpool_chunk_new(&ef));
        cr_assert(ef.chunk == c || ef.chunk == d, "the freed chunks were not reused");
        Signal *y = sigpool_chunk_alloc(&ef, 0);
        y->words = 0;
        sigpool_chunk_seal(&ef);
        sigpool_free(y);
    }
}

enum { CHAINS = 20000, PER_CHAIN = 40 };

static Mailbox chain_mb;

/* Sends CHAINS chains of PER_CHAIN signals (the first its own block, the rest in chunks), as
 * the outbox does. */
static void *chain_producer(void *arg)
{
    (void)arg;
    uint64_t n = 0;
    for (int k = 0; k < CHAINS; k++) {
        Signal *first = sigpool_alloc(3), *last = first;
        cr_assert_not_null(first);
        fill(first, n++, 3);
        SigChunkFill c = {0};
        for (int i = 1; i < PER_CHAIN; i++) {
            Signal *s = sigpool_chunk_alloc(&c, 3);
            if (s == NULL) {
                sigpool_chunk_seal(&c);
                cr_assert(sigpool_chunk_new(&c));
                s = sigpool_chunk_alloc(&c, 3);
            }
            fill(s, n++, 3);
            mailbox_chain(last, s);
            last = s;
        }
        sigpool_chunk_seal(&c); /* before the push, as the outbox does */
        (void)mailbox_push_chain(&chain_mb, first, last);
    }
    return NULL;
}

/* The consumer's side of both cross-thread tests: pops `total` signals of `w` words from `m`
 * as a producer thread pushes them, checks each (order, words: a block handed out twice
 * shows), scribbles over it (a block still in use by the producer would show it), frees it. */
static void consume(Mailbox *m, uint64_t total, size_t w)
{
    uint64_t next = 0;
    while (next < total) {
        Signal *s = mailbox_pop(m);
        if (s == NULL)
            continue;
        check(s, next, w);
        memset(s->data, 0xa5, w * sizeof(Value));
        sigpool_free(s);
        next++;
    }
}

Test(sigpool, chains_of_chunks_made_on_one_thread_and_freed_on_another_arrive_intact)
{
    mailbox_init(&chain_mb);
    pthread_t t;
    cr_assert_eq(pthread_create(&t, NULL, chain_producer, NULL), 0);
    consume(&chain_mb, (uint64_t)CHAINS * PER_CHAIN, 3);
    pthread_join(t, NULL);
}

enum { MSGS = 200000, WORDS = 3 };

static Mailbox mb;

static void *producer(void *arg)
{
    (void)arg;
    for (uint64_t i = 0; i < MSGS; i++) {
        Signal *s = sigpool_alloc(WORDS);
        cr_assert_not_null(s);
        fill(s, i, WORDS);
        (void)mailbox_push(&mb, s);
    }
    return NULL;
}

Test(sigpool, blocks_made_on_one_thread_and_freed_on_another_arrive_intact)
{
    mailbox_init(&mb);
    pthread_t t;
    cr_assert_eq(pthread_create(&t, NULL, producer, NULL), 0);
    consume(&mb, MSGS, WORDS);
    pthread_join(t, NULL);
}

enum { BLOCKS = 1000 };
static Signal *made[BLOCKS];

static void *free_all(void *arg)
{
    (void)arg;
    for (int i = 0; i < BLOCKS; i++)
        sigpool_free(made[i]);
    return NULL; /* exiting passes this thread's cache to the shared list */
}

static int reused;

static void *alloc_all(void *arg)
{
    (void)arg;
    Signal *got[BLOCKS];
    for (int i = 0; i < BLOCKS; i++) {
        got[i] = sigpool_alloc(2);
        cr_assert_not_null(got[i]);
        for (int j = 0; j < BLOCKS; j++)
            if (got[i] == made[j]) {
                reused++;
                break;
            }
    }
    for (int i = 0; i < BLOCKS; i++)
        sigpool_free(got[i]);
    return NULL;
}

Test(sigpool, a_thread_that_exits_leaves_its_blocks_to_others)
{
    for (int i = 0; i < BLOCKS; i++)
        cr_assert_not_null(made[i] = sigpool_alloc(2));
    pthread_t t;
    cr_assert_eq(pthread_create(&t, NULL, free_all, NULL), 0);
    pthread_join(t, NULL);
    cr_assert_eq(pthread_create(&t, NULL, alloc_all, NULL), 0);
    pthread_join(t, NULL);
    if (POOL_ON)
        cr_assert_eq(reused, BLOCKS, "a fresh thread got %d of the %d freed blocks back", reused,
                     BLOCKS);
}

/* A thread that frees more than its cache holds passes the rest on while it runs: another
 * thread gets all but what that cache still holds (at most 128 blocks) without waiting for
 * the first thread to exit. */
static pthread_barrier_t freed, taken;

static void *free_all_and_wait(void *arg)
{
    (void)arg;
    for (int i = 0; i < BLOCKS; i++)
        sigpool_free(made[i]);
    pthread_barrier_wait(&freed);
    pthread_barrier_wait(&taken); /* still running while the other thread allocates */
    return NULL;
}

Test(sigpool, a_running_thread_passes_on_what_its_cache_cannot_hold)
{
    for (int i = 0; i < BLOCKS; i++)
        cr_assert_not_null(made[i] = sigpool_alloc(2));
    pthread_barrier_init(&freed, NULL, 2);
    pthread_barrier_init(&taken, NULL, 2);
    pthread_t f, a;
    cr_assert_eq(pthread_create(&f, NULL, free_all_and_wait, NULL), 0);
    pthread_barrier_wait(&freed);
    reused = 0;
    cr_assert_eq(pthread_create(&a, NULL, alloc_all, NULL), 0);
    pthread_join(a, NULL);
    pthread_barrier_wait(&taken);
    pthread_join(f, NULL);
    if (POOL_ON)
        cr_assert_geq(reused, BLOCKS - 128, "another thread got only %d of the %d freed blocks",
                      reused, BLOCKS);
}
