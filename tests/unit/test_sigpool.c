/* Unit tests of src/rt/sigpool: blocks of every size hold what is written in them, blocks made
 * on one thread and freed on another come back intact and exactly once (a producer and a
 * consumer joined by a real mailbox, as messages travel), and a thread's cache is reused
 * after the thread exits. */
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

enum { MSGS = 200000, WORDS = 3 };

static Mailbox mb;

static void *producer(void *arg)
{
    (void)arg;
    for (uint64_t i = 0; i < MSGS; i++) {
        Signal *s = sigpool_alloc(WORDS);
        cr_assert_not_null(s);
        s->kind = SIG_MESSAGE;
        s->ref = i;
        s->words = WORDS;
        for (int j = 0; j < WORDS; j++)
            s->data[j] = (Value)(i * 3 + (uint64_t)j);
        (void)mailbox_push(&mb, s);
    }
    return NULL;
}

Test(sigpool, blocks_made_on_one_thread_and_freed_on_another_arrive_intact)
{
    mailbox_init(&mb);
    pthread_t t;
    cr_assert_eq(pthread_create(&t, NULL, producer, NULL), 0);
    uint64_t next = 0;
    while (next < MSGS) {
        Signal *s = mailbox_pop(&mb);
        if (s == NULL)
            continue;
        cr_assert_eq(s->ref, next, "message %lu out of order or lost", (unsigned long)next);
        for (int j = 0; j < WORDS; j++)
            cr_assert_eq(s->data[j], (Value)(next * 3 + (uint64_t)j),
                         "message %lu: a block was handed out twice", (unsigned long)next);
        /* scribble before freeing: a block still in use by the producer would show it */
        memset(s->data, 0xa5, WORDS * sizeof(Value));
        sigpool_free(s);
        next++;
    }
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
