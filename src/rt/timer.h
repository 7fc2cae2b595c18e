/* timer.h: timer heaps, one per scheduler thread (DESIGN §5): `receive ... after`,
 * Process.sleep/1 and Process.send_after/3 wait here.
 *
 * Owns: a binary min-heap of armed timers ordered by (deadline, arming order), and the
 * monotonic millisecond clock. Does not own: the Timer structs (embedded by their users),
 * what firing means (the fire callback), nor when to check (the scheduler calls timer_expire
 * and sleeps until timer_next_deadline).
 * Invariants: a timer is in at most one heap; `index` is its heap position while armed and
 * TIMER_UNARMED otherwise, changed only under its heap's lock. Expiry takes a timer out under
 * the lock and calls `fire` after releasing it, so a callback may arm or cancel timers; once
 * taken out, cancel reports "not armed" and the callback is the last to touch the timer.
 * Timers with equal deadlines fire in the order they were armed (deterministic replay).
 */
#ifndef EMBER_TIMER_H
#define EMBER_TIMER_H
#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>

#ifndef MUST_CHECK
#define MUST_CHECK __attribute__((warn_unused_result))
#endif

#define TIMER_UNARMED UINT32_MAX
#define TIMER_NEVER UINT64_MAX

typedef struct Timer Timer;
typedef struct TimerHeap TimerHeap;

/* Called when timer `t` expires, outside the heap lock, with the `data` given to timer_start.
 * By then `t` may be armed again (its owner runs on another thread): use its address only to
 * find the structure it is embedded in, never its fields. */
typedef void (*TimerFireFn)(Timer *t, uint64_t data);

struct Timer {
    /* guarded by heap->lock while armed */
    uint32_t index;
    /* written when armed, read by whoever holds the heap lock or owns the timer */
    TimerHeap *heap;
    uint64_t deadline; /* ms on the timer_now_ms clock */
    uint64_t seq;      /* arming order, breaks deadline ties */
    TimerFireFn fire;
    uint64_t data;
};

struct TimerHeap {
    pthread_mutex_t lock; /* held only for heap operations, never across a callback */
    /* guarded by lock */
    Timer **items;
    uint32_t cap;
    uint64_t next_seq;
    /* any thread, atomic: number of armed timers (written under lock) */
    _Atomic uint32_t count;
};

/* Makes `t` an unarmed timer. */
void timer_init(Timer *t);

/* Sets up an empty heap. Returns 0, or -1 if the mutex could not be created. */
MUST_CHECK int timer_heap_init(TimerHeap *h);

/* Frees the heap's array. Armed timers are dropped without firing. */
void timer_heap_destroy(TimerHeap *h);

/* Arms unarmed timer `t` in `h` to call fire(t, data) at `deadline` (ms, timer_now_ms
 * clock). Returns 0, or -1 if memory ran out (then `t` stays unarmed). Any thread. */
MUST_CHECK int timer_start(TimerHeap *h, Timer *t, uint64_t deadline, TimerFireFn fire,
                           uint64_t data);

/* Disarms `t`, as BEAM's erlang:cancel_timer/1. Returns the ms left before it would have
 * fired (0 if already due, measured from `now`), or -1 if it was not armed (never started, or
 * already taken out to fire). Any thread, but `t` must not be freed meanwhile. */
int64_t timer_cancel(Timer *t, uint64_t now);

/* The earliest deadline in `h`, or TIMER_NEVER. */
uint64_t timer_next_deadline(TimerHeap *h);

/* Fires, in deadline order, the timers of `h` whose deadline is <= `now` and that were armed
 * before this call (timers the callbacks arm wait for the next call, so a callback that
 * re-arms itself cannot keep us here). Returns how many fired. */
uint32_t timer_expire(TimerHeap *h, uint64_t now);

/* Armed timers in `h` (a snapshot). */
static inline uint32_t timer_count(TimerHeap *h)
{
    return atomic_load_explicit(&h->count, memory_order_relaxed);
}

/* Nanoseconds on the monotonic clock (CLOCK_MONOTONIC: arbitrary origin, never goes back). */
uint64_t timer_now_ns(void);

/* Milliseconds on the same clock as timer_now_ns. */
uint64_t timer_now_ms(void);

#endif
