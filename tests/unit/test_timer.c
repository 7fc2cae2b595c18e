/* Unit tests of src/rt/timer: firing order, cancel, re-arming from a callback, and cancels
 * racing with expiry from another thread. */
#include <criterion/criterion.h>
#include <pthread.h>
#include <stdlib.h>

#include "rt/timer.h"

typedef struct Log {
    uint64_t fired[64];
    int n;
} Log;

static Log *log_now; /* the log the current test records into */

static void record(Timer *t, uint64_t data)
{
    (void)t;
    if (log_now != NULL)
        log_now->fired[log_now->n++] = data;
}

static TimerHeap heap;

static void setup(void) { cr_assert_eq(timer_heap_init(&heap), 0); }
static void teardown(void) { timer_heap_destroy(&heap); }

static void arm(Timer *t, uint64_t deadline, Log *log, uint64_t data)
{
    log_now = log;
    timer_init(t);
    cr_assert_eq(timer_start(&heap, t, deadline, record, data), 0);
}

Test(timer, fires_in_deadline_order_then_arming_order, .init = setup, .fini = teardown)
{
    Log log = {0};
    Timer t[6];
    uint64_t deadlines[6] = {50, 10, 30, 10, 20, 30};
    for (int i = 0; i < 6; i++)
        arm(&t[i], deadlines[i], &log, (uint64_t)i);
    cr_assert_eq(timer_next_deadline(&heap), 10);
    cr_assert_eq(timer_expire(&heap, 5), 0, "nothing is due at 5 ms");
    cr_assert_eq(timer_expire(&heap, 30), 5);
    uint64_t want[5] = {1, 3, 4, 2, 5};
    for (int i = 0; i < 5; i++)
        cr_assert_eq(log.fired[i], want[i], "firing #%d: expected timer %lu, got %lu", i,
                     (unsigned long)want[i], (unsigned long)log.fired[i]);
    cr_assert_eq(timer_next_deadline(&heap), 50);
    cr_assert_eq(t[1].index, TIMER_UNARMED, "a fired timer must read as unarmed");
}

Test(timer, cancel_returns_time_left_and_prevents_firing, .init = setup, .fini = teardown)
{
    Log log = {0};
    Timer t[3];
    arm(&t[0], 100, &log, 0);
    arm(&t[1], 200, &log, 1);
    arm(&t[2], 300, &log, 2);
    cr_assert_eq(timer_cancel(&t[1], 150), 50, "expected 50 ms left");
    cr_assert_eq(timer_cancel(&t[1], 150), -1, "a second cancel must report not armed");
    cr_assert_eq(timer_cancel(&t[2], 400), 0, "an overdue timer has 0 ms left");
    cr_assert_eq(timer_count(&heap), 1);
    timer_expire(&heap, 1000);
    cr_assert_eq(log.n, 1);
    cr_assert_eq(log.fired[0], 0);
    Timer never;
    timer_init(&never);
    cr_assert_eq(timer_cancel(&never, 0), -1, "a never-started timer is not armed");
}

Test(timer, heap_stays_ordered_under_random_cancels, .init = setup, .fini = teardown)
{
    enum { N = 500 };
    static Timer t[N];
    static uint64_t deadline[N];
    static bool cancelled[N];
    srand(42);
    for (int i = 0; i < N; i++) {
        deadline[i] = (uint64_t)(rand() % 1000);
        timer_init(&t[i]);
        cr_assert_eq(timer_start(&heap, &t[i], deadline[i], record, (uint64_t)i), 0);
    }
    for (int i = 0; i < N; i += 3) {
        cr_assert_geq(timer_cancel(&t[i], 0), 0);
        cancelled[i] = true;
    }
    uint64_t last = 0;
    int left = 0;
    while (timer_count(&heap) > 0) {
        uint64_t d = timer_next_deadline(&heap);
        cr_assert_geq(d, last, "deadlines must come out in order: %lu after %lu",
                      (unsigned long)d, (unsigned long)last);
        last = d;
        Timer *top = heap.items[0];
        cr_assert_not(cancelled[top - t], "cancelled timer %ld is still armed", (long)(top - t));
        cr_assert_eq(timer_cancel(top, d), 0, "the earliest timer should be due at its deadline");
        left++;
    }
    cr_assert_eq(left, N - (N + 2) / 3);
}

/* A callback that re-arms its own timer for "now": must not loop forever within one call. */
static Timer rearming;
static int rearm_count;

static void rearm(Timer *t, uint64_t data)
{
    rearm_count++;
    cr_assert_eq(t, &rearming, "the callback must get its timer's address");
    cr_assert_eq(timer_start(&heap, t, data, rearm, data), 0);
}

Test(timer, callback_may_rearm, .init = setup, .fini = teardown)
{
    timer_init(&rearming);
    cr_assert_eq(timer_start(&heap, &rearming, 10, rearm, 10), 0);
    cr_assert_eq(timer_expire(&heap, 10), 1);
    cr_assert_eq(rearm_count, 1);
    cr_assert_eq(timer_count(&heap), 1, "the re-armed timer should wait for the next call");
    cr_assert_eq(timer_expire(&heap, 10), 1);
    cr_assert_eq(rearm_count, 2);
}

Test(timer, clock_is_monotonic)
{
    uint64_t a = timer_now_ms();
    uint64_t b = timer_now_ms();
    cr_assert_geq(b, a);
}

/* ---- one thread arms and expires, another cancels: each timer fires or is cancelled, never
 * both, never neither. ---- */
#define RACE_N 20000
static Timer race_t[RACE_N];
static atomic_int race_state[RACE_N]; /* 1 fired, 2 cancelled */
static atomic_int armed_upto;

static void race_fire(Timer *t, uint64_t i)
{
    (void)t;
    int expect = 0;
    cr_assert(atomic_compare_exchange_strong(&race_state[i], &expect, 1),
              "timer %lu fired after being cancelled", (unsigned long)i);
}

static void *canceller(void *arg)
{
    (void)arg;
    for (int i = 0; i < RACE_N; i++) {
        while (atomic_load(&armed_upto) <= i)
            ;
        if (timer_cancel(&race_t[i], 0) >= 0) {
            int expect = 0;
            cr_assert(atomic_compare_exchange_strong(&race_state[i], &expect, 2),
                      "timer %d cancelled after firing", i);
        }
    }
    return NULL;
}

Test(timer, cancel_races_with_expiry, .init = setup, .fini = teardown, .timeout = 60)
{
    pthread_t th;
    pthread_create(&th, NULL, canceller, NULL);
    for (int i = 0; i < RACE_N; i++) {
        timer_init(&race_t[i]);
        cr_assert_eq(timer_start(&heap, &race_t[i], (uint64_t)i, race_fire, (uint64_t)i), 0);
        atomic_store(&armed_upto, i + 1);
        if (i % 7 == 0)
            timer_expire(&heap, (uint64_t)i);
    }
    pthread_join(th, NULL);
    timer_expire(&heap, RACE_N);
    for (int i = 0; i < RACE_N; i++)
        cr_assert_neq(atomic_load(&race_state[i]), 0, "timer %d neither fired nor cancelled", i);
}
