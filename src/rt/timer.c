/* timer.c: per-scheduler timer heaps (see timer.h). */
#include "rt/timer.h"

#include <stdbool.h>
#include <stdlib.h>
#include <time.h>

void timer_init(Timer *t)
{
    t->index = TIMER_UNARMED;
    t->heap = NULL;
}

int timer_heap_init(TimerHeap *h)
{
    h->items = NULL;
    h->cap = 0;
    h->next_seq = 0;
    atomic_init(&h->count, 0);
    return pthread_mutex_init(&h->lock, NULL) == 0 ? 0 : -1;
}

void timer_heap_destroy(TimerHeap *h)
{
    uint32_t n = atomic_load_explicit(&h->count, memory_order_relaxed);
    for (uint32_t i = 0; i < n; i++)
        h->items[i]->index = TIMER_UNARMED;
    free(h->items);
    h->items = NULL;
    pthread_mutex_destroy(&h->lock);
}

static bool earlier(const Timer *a, const Timer *b)
{
    return a->deadline < b->deadline || (a->deadline == b->deadline && a->seq < b->seq);
}

static void place(TimerHeap *h, uint32_t i, Timer *t)
{
    h->items[i] = t;
    t->index = i;
}

static void sift_up(TimerHeap *h, uint32_t i, Timer *t)
{
    while (i > 0) {
        uint32_t parent = (i - 1) / 2;
        if (!earlier(t, h->items[parent]))
            break;
        place(h, i, h->items[parent]);
        i = parent;
    }
    place(h, i, t);
}

static void sift_down(TimerHeap *h, uint32_t i, Timer *t, uint32_t n)
{
    for (;;) {
        uint32_t child = 2 * i + 1;
        if (child >= n)
            break;
        if (child + 1 < n && earlier(h->items[child + 1], h->items[child]))
            child++;
        if (!earlier(h->items[child], t))
            break;
        place(h, i, h->items[child]);
        i = child;
    }
    place(h, i, t);
}

/* Takes the timer at position i out of the heap (lock held). */
static void remove_at(TimerHeap *h, uint32_t i)
{
    uint32_t n = atomic_load_explicit(&h->count, memory_order_relaxed) - 1;
    Timer *gone = h->items[i];
    gone->index = TIMER_UNARMED;
    atomic_store_explicit(&h->count, n, memory_order_relaxed);
    if (i == n)
        return;
    Timer *last = h->items[n];
    if (i > 0 && earlier(last, h->items[(i - 1) / 2]))
        sift_up(h, i, last);
    else
        sift_down(h, i, last, n);
}

int timer_start(TimerHeap *h, Timer *t, uint64_t deadline, TimerFireFn fire, uint64_t data)
{
    pthread_mutex_lock(&h->lock);
    uint32_t n = atomic_load_explicit(&h->count, memory_order_relaxed);
    if (n == h->cap) {
        uint32_t cap = h->cap ? h->cap * 2 : 16;
        Timer **items = realloc(h->items, cap * sizeof *items);
        if (items == NULL) {
            pthread_mutex_unlock(&h->lock);
            return -1;
        }
        h->items = items;
        h->cap = cap;
    }
    t->heap = h;
    t->deadline = deadline;
    t->seq = h->next_seq++;
    t->fire = fire;
    t->data = data;
    atomic_store_explicit(&h->count, n + 1, memory_order_relaxed);
    sift_up(h, n, t);
    pthread_mutex_unlock(&h->lock);
    return 0;
}

int64_t timer_cancel(Timer *t, uint64_t now)
{
    TimerHeap *h = t->heap;
    if (h == NULL)
        return -1;
    pthread_mutex_lock(&h->lock);
    int64_t left = -1;
    if (t->index != TIMER_UNARMED) {
        left = t->deadline > now ? (int64_t)(t->deadline - now) : 0;
        remove_at(h, t->index);
    }
    pthread_mutex_unlock(&h->lock);
    return left;
}

uint64_t timer_next_deadline(TimerHeap *h)
{
    if (timer_count(h) == 0)
        return TIMER_NEVER;
    pthread_mutex_lock(&h->lock);
    uint64_t d = atomic_load_explicit(&h->count, memory_order_relaxed) > 0
                     ? h->items[0]->deadline
                     : TIMER_NEVER;
    pthread_mutex_unlock(&h->lock);
    return d;
}

uint32_t timer_expire(TimerHeap *h, uint64_t now)
{
    uint32_t fired = 0;
    if (timer_count(h) == 0)
        return 0;
    pthread_mutex_lock(&h->lock);
    uint64_t before = h->next_seq;
    while (atomic_load_explicit(&h->count, memory_order_relaxed) > 0) {
        Timer *t = h->items[0];
        if (t->deadline > now || t->seq >= before)
            break;
        TimerFireFn fire = t->fire;
        uint64_t data = t->data;
        remove_at(h, 0);
        pthread_mutex_unlock(&h->lock);
        fire(t, data);
        fired++;
        pthread_mutex_lock(&h->lock);
    }
    pthread_mutex_unlock(&h->lock);
    return fired;
}

uint64_t timer_now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

uint64_t timer_now_ms(void) { return timer_now_ns() / 1000000u; }
