/* Unit tests of src/rt/mailbox: FIFO order, the sleep/wake token, selective receive with the
 * save pointer, and a multi-producer stress test (exactly once, FIFO per sender). */
#include <criterion/criterion.h>
#include <pthread.h>
#include <semaphore.h>
#include <stdlib.h>

#include "rt/mailbox.h"

static Signal *msg(uint32_t kind, Value from, uint64_t n)
{
    Signal *s = calloc(1, sizeof *s + SIGNAL_META_WORDS * sizeof(Value));
    cr_assert(s != NULL);
    s->kind = (uint8_t)kind;
    signal_set_meta(s, from, n);
    s->payload = val_small((int64_t)n);
    return s;
}

typedef bool (*SigHandler)(void *ctx, Signal *s);

/* Moves messages to the private list and hands other signals to `handle` until it returns
 * false (what signal_drain does with the real handlers). */
static bool drain(Mailbox *mb, SigHandler handle, void *ctx)
{
    Signal *s;
    while ((s = mailbox_pop(mb)) != NULL) {
        if (s->kind == SIG_MESSAGE)
            mailbox_append(mb, s);
        else if (!handle(ctx, s))
            return false;
    }
    return true;
}

static bool keep_all(void *ctx, Signal *s)
{
    (void)ctx;
    free(s);
    return true;
}

Test(mailbox, pops_in_push_order)
{
    Mailbox mb;
    mailbox_init(&mb);
    cr_assert_null(mailbox_pop(&mb), "a new mailbox should be empty");
    for (uint64_t i = 0; i < 10; i++)
        cr_assert_not(mailbox_push(&mb, msg(SIG_MESSAGE, 0, i)), "owner is awake: no wake-up");
    for (uint64_t i = 0; i < 10; i++) {
        Signal *s = mailbox_pop(&mb);
        cr_assert_not_null(s, "expected message %lu, got nothing", (unsigned long)i);
        cr_assert_eq(signal_ref(s), i, "expected message %lu, got %lu", (unsigned long)i,
                     (unsigned long)signal_ref(s));
        free(s);
    }
    cr_assert_null(mailbox_pop(&mb), "all popped: should be empty");
}

Test(mailbox, a_chain_lands_whole_in_order_and_wakes_once)
{
    Mailbox mb;
    mailbox_init(&mb);
    cr_assert(mailbox_try_sleep(&mb));
    Signal *c[4];
    for (uint64_t i = 0; i < 4; i++) {
        c[i] = msg(SIG_MESSAGE, 0, i + 1);
        if (i > 0)
            mailbox_chain(c[i - 1], c[i]);
    }
    cr_assert(mailbox_push_chain(&mb, c[0], c[3]), "a chain to a sleeping owner wakes it");
    cr_assert_not(mailbox_push(&mb, msg(SIG_MESSAGE, 0, 5)), "the next push must not");
    Signal *one = msg(SIG_MESSAGE, 0, 6);
    cr_assert_not(mailbox_push_chain(&mb, one, one), "a chain of one is a push");
    for (uint64_t i = 1; i <= 6; i++) {
        Signal *s = mailbox_pop(&mb);
        cr_assert_not_null(s, "expected signal %lu, got nothing", (unsigned long)i);
        cr_assert_eq(signal_ref(s), i, "expected signal %lu, got %lu", (unsigned long)i,
                     (unsigned long)signal_ref(s));
        free(s);
    }
    cr_assert_null(mailbox_pop(&mb));
    cr_assert(mailbox_try_sleep(&mb));
}

Test(mailbox, first_push_after_sleep_wakes_once)
{
    Mailbox mb;
    mailbox_init(&mb);
    Signal *a = msg(SIG_MESSAGE, 0, 1);
    cr_assert_not(mailbox_push(&mb, a));
    cr_assert_not(mailbox_try_sleep(&mb), "cannot sleep with a signal queued");
    free(mailbox_pop(&mb));
    cr_assert(mailbox_try_sleep(&mb), "empty: should fall asleep");
    cr_assert(mailbox_push(&mb, msg(SIG_MESSAGE, 0, 2)), "first push must report the wake-up");
    cr_assert_not(mailbox_push(&mb, msg(SIG_MESSAGE, 0, 3)), "second push must not");
    Signal *s = mailbox_pop(&mb);
    cr_assert_eq(signal_ref(s), 2);
    free(s);
    s = mailbox_pop(&mb);
    cr_assert_eq(signal_ref(s), 3);
    free(s);
    cr_assert(mailbox_try_sleep(&mb));
}

Test(mailbox, drain_routes_signals_and_messages)
{
    Mailbox mb;
    mailbox_init(&mb);
    mailbox_push(&mb, msg(SIG_MESSAGE, 0, 1));
    mailbox_push(&mb, msg(SIG_LINK, 0, 2));
    mailbox_push(&mb, msg(SIG_MESSAGE, 0, 3));
    cr_assert(drain(&mb, keep_all, NULL));
    cr_assert_eq(mailbox_len(&mb), 2, "expected 2 messages in the private list, got %u",
                 mailbox_len(&mb));
    mailbox_recv_begin(&mb);
    Signal *s = mailbox_recv_take(&mb);
    cr_assert_eq(signal_ref(s), 1);
    free(s);
    s = mailbox_recv_take(&mb);
    cr_assert_eq(signal_ref(s), 3);
    free(s);
    cr_assert_eq(mailbox_len(&mb), 0);
}

static bool stop_at_exit(void *ctx, Signal *s)
{
    int *seen = ctx;
    (*seen)++;
    bool go_on = s->kind != SIG_EXIT;
    free(s);
    return go_on;
}

Test(mailbox, drain_stops_when_handler_says_so)
{
    Mailbox mb;
    mailbox_init(&mb);
    mailbox_push(&mb, msg(SIG_EXIT, 0, 1));
    mailbox_push(&mb, msg(SIG_MESSAGE, 0, 2));
    int seen = 0;
    cr_assert_not(drain(&mb, stop_at_exit, &seen), "drain should report the stop");
    cr_assert_eq(seen, 1);
    cr_assert_eq(mailbox_len(&mb), 0, "the message after the exit signal must stay queued");
    Signal *s = mailbox_pop(&mb);
    cr_assert_eq(signal_ref(s), 2);
    free(s);
}

/* Receives the first message with ref == want, as a receive clause would. */
static Signal *recv_match(Mailbox *mb, uint64_t want, int *scanned)
{
    Signal *s;
    while ((s = mailbox_recv_peek(mb)) != NULL) {
        (*scanned)++;
        if (signal_ref(s) == want)
            return mailbox_recv_take(mb);
        mailbox_recv_skip(mb);
    }
    return NULL;
}

Test(mailbox, selective_receive_does_not_rescan_after_wakeup)
{
    Mailbox mb;
    mailbox_init(&mb);
    for (uint64_t i = 1; i <= 3; i++)
        mailbox_push(&mb, msg(SIG_MESSAGE, 0, i));
    drain(&mb, keep_all, NULL);
    mailbox_recv_begin(&mb);
    int scanned = 0;
    cr_assert_null(recv_match(&mb, 9, &scanned));
    cr_assert_eq(scanned, 3);
    /* The process waits; two more messages arrive; the receive resumes. */
    cr_assert(mailbox_try_sleep(&mb));
    cr_assert(mailbox_push(&mb, msg(SIG_MESSAGE, 0, 4)));
    mailbox_push(&mb, msg(SIG_MESSAGE, 0, 9));
    drain(&mb, keep_all, NULL);
    scanned = 0;
    Signal *s = recv_match(&mb, 9, &scanned);
    cr_assert_not_null(s, "expected message 9 to match");
    cr_assert_eq(scanned, 2, "after a wake-up only new messages should be scanned, scanned %d",
                 scanned);
    free(s);
    /* A new receive starts from the oldest message again. */
    mailbox_recv_begin(&mb);
    scanned = 0;
    s = recv_match(&mb, 2, &scanned);
    cr_assert_not_null(s);
    cr_assert_eq(scanned, 2);
    free(s);
    cr_assert_eq(mailbox_len(&mb), 3);
    mailbox_recv_begin(&mb);
    while ((s = mailbox_recv_peek(&mb)) != NULL)
        free(mailbox_recv_take(&mb));
}

static bool is_even(void *ctx, const Signal *s)
{
    (void)ctx;
    return signal_ref(s) % 2 == 0;
}

static void drop(void *ctx, Signal *s)
{
    (void)ctx;
    free(s);
}

Test(mailbox, remove_if_keeps_order_of_the_rest)
{
    Mailbox mb;
    mailbox_init(&mb);
    for (uint64_t i = 1; i <= 6; i++)
        mailbox_push(&mb, msg(SIG_MESSAGE, 0, i));
    drain(&mb, keep_all, NULL);
    cr_assert_eq(mailbox_remove_if(&mb, is_even, drop, NULL), 3);
    mailbox_push(&mb, msg(SIG_MESSAGE, 0, 7));
    drain(&mb, keep_all, NULL);
    uint64_t want[] = {1, 3, 5, 7};
    mailbox_recv_begin(&mb);
    for (int i = 0; i < 4; i++) {
        Signal *s = mailbox_recv_take(&mb);
        cr_assert_eq(signal_ref(s), want[i], "position %d: expected %lu, got %lu", i,
                     (unsigned long)want[i], (unsigned long)signal_ref(s));
        free(s);
    }
    cr_assert_eq(mailbox_len(&mb), 0);
}

/* ---- stress: producers push numbered messages; the consumer sleeps whenever the queue is
 * empty and is woken only by the push that reports it asleep. ---- */
#define PRODUCERS 4
#define PER_PRODUCER 40000

typedef struct Stress {
    Mailbox mb;
    sem_t wake;
    atomic_int wakes;
} Stress;

typedef struct Producer {
    Stress *st;
    Value id;
} Producer;

static void *producer(void *arg)
{
    Stress *st = ((Producer *)arg)->st;
    Value id = ((Producer *)arg)->id;
    for (uint64_t i = 0; i < PER_PRODUCER; i++) {
        if (mailbox_push(&st->mb, msg(SIG_MESSAGE, id, i))) {
            atomic_fetch_add(&st->wakes, 1);
            sem_post(&st->wake);
        }
    }
    return NULL;
}

Test(mailbox, stress_exactly_once_fifo_per_sender, .timeout = 60)
{
    Stress st;
    mailbox_init(&st.mb);
    sem_init(&st.wake, 0, 0);
    atomic_init(&st.wakes, 0);
    pthread_t th[PRODUCERS];
    Producer args[PRODUCERS];
    for (int i = 0; i < PRODUCERS; i++) {
        args[i] = (Producer){&st, (Value)i};
        pthread_create(&th[i], NULL, producer, &args[i]);
    }
    uint64_t expect[PRODUCERS] = {0};
    long got = 0, sleeps = 0;
    while (got < (long)PRODUCERS * PER_PRODUCER) {
        Signal *s = mailbox_pop(&st.mb);
        if (s == NULL) {
            if (mailbox_try_sleep(&st.mb)) {
                sleeps++;
                sem_wait(&st.wake);
            }
            continue;
        }
        cr_assert_lt(signal_from(s), PRODUCERS);
        cr_assert_eq(signal_ref(s), expect[signal_from(s)], "sender %lu: expected #%lu, got #%lu",
                     (unsigned long)signal_from(s), (unsigned long)expect[signal_from(s)],
                     (unsigned long)signal_ref(s));
        expect[signal_from(s)]++;
        got++;
        free(s);
    }
    for (int i = 0; i < PRODUCERS; i++)
        pthread_join(th[i], NULL);
    cr_assert_null(mailbox_pop(&st.mb), "a message was delivered twice");
    cr_assert_eq(atomic_load(&st.wakes), sleeps, "%ld sleeps but %d wake-ups", sleeps,
                 atomic_load(&st.wakes));
    sem_destroy(&st.wake);
}
