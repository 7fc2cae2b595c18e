/* sched.c: worker threads, run queues, stealing, parking (see sched.h, SCHED.md). */
#include "rt/sched.h"

#include "rt/lock.h"
#include "rt/sigpool.h"

#include <errno.h>
#include <stddef.h>
#include <stdlib.h>
#include <time.h>

/* Virtual time one slice takes in deterministic mode (BEAM runs ~4000 reductions in well
 * under a millisecond). */
#define DET_SLICE_US 100u
/* Processes run one after another from a worker's `next` slot before its queue gets a turn. */
#define NEXT_STREAK_MAX 64u
/* Fairness between a run queue's two lists (rq_take): every RQ_FIFO_EVERY-th pick takes the
 * fifo's head, and a fresh list whose oldest batch has waited RQ_FRESH_MAX_AGE picks goes
 * behind the fifo, so a process waits a bounded number of picks in either list however many
 * new ones keep arriving in front. The age is large: a tree of a million processes walked
 * depth first keeps its root's children waiting that long, and moving them breaks the walk
 * (SCHED.md). */
#define RQ_FIFO_EVERY 64u
#define RQ_FRESH_MAX_AGE 1048576u
/* Processes a steal walks past at most (rq_take_half). */
#define STEAL_WALK 64u
/* Slices a worker runs between two epoch_quiescent calls, unless it holds this many retired
 * processes or more: each call may advance the global epoch, whose cache line then moves to
 * every other worker, and reads the other workers' announcements, each a line another core
 * last wrote; a spawn-heavy program retires a process in nearly every slice. Every 64 slices,
 * skynet on two threads spent 4% of its time there; every 256, 1%. */
#define QUIESCENT_EVERY 256u
#define QUIESCENT_LIMBO 256u
/* A parked worker still holding retired processes looks again this often (ms). */
#define LIMBO_RETRY_MS 2u

/* How long a worker that a producer feeds (RunQueue.fed) waits for the next batch before it
 * parks (spin_for_work), in nanoseconds: about one producer slice. */
#define FED_SPIN_NS 50000

static _Thread_local Worker *tl_worker;

Worker *sched_current(void) { return tl_worker; }

static uint64_t next_rand(uint64_t *state)
{
    /* splitmix64: a good 64-bit stream from any seed, zero included */
    uint64_t z = (*state += UINT64_C(0x9E3779B97F4A7C15));
    z = (z ^ (z >> 30)) * UINT64_C(0xBF58476D1CE4E5B9);
    z = (z ^ (z >> 27)) * UINT64_C(0x94D049BB133111EB);
    return z ^ (z >> 31);
}

/* ---- run queues ---- */

static uint32_t rq_len(RunQueue *q) { return atomic_load(&q->len); }

static void list_append(ProcList *l, ProcRt *first, ProcRt *last, uint32_t n)
{
    last->link.rq_next = NULL;
    if (l->tail != NULL)
        l->tail->link.rq_next = first;
    else
        l->head = first;
    l->tail = last;
    l->n += n;
}

static void list_prepend(ProcList *l, ProcRt *first, ProcRt *last, uint32_t n)
{
    last->link.rq_next = l->head;
    l->head = first;
    if (l->tail == NULL)
        l->tail = last;
    l->n += n;
}

/* Takes the process after `skip` others from the front (0 = the head; past the end: the
 * last), or NULL if `l` is empty. */
static ProcRt *list_take(ProcList *l, uint32_t skip)
{
    ProcRt *prev = NULL, *p = l->head;
    for (uint32_t i = 0; i < skip && p != NULL && p->link.rq_next != NULL; i++) {
        prev = p;
        p = p->link.rq_next;
    }
    if (p == NULL)
        return NULL;
    if (prev != NULL)
        prev->link.rq_next = p->link.rq_next;
    else
        l->head = p->link.rq_next;
    if (l->tail == p)
        l->tail = prev;
    l->n--;
    return p;
}

/* Detaches the last `k` (1 <= k <= l->n) processes of `l`; *last is the chain's end. */
static ProcRt *list_take_back(ProcList *l, uint32_t k, ProcRt **last)
{
    ProcRt *first;
    *last = l->tail;
    if (k == l->n) {
        first = l->head;
        l->head = l->tail = NULL;
    } else {
        ProcRt *cut = l->head;
        for (uint32_t i = 1; i < l->n - k; i++)
            cut = cut->link.rq_next;
        first = cut->link.rq_next;
        cut->link.rq_next = NULL;
        l->tail = cut;
    }
    l->n -= k;
    return first;
}

/* Detaches the first `k` (1 <= k <= l->n) processes of `l`; *last is the chain's end. */
static ProcRt *list_take_front(ProcList *l, uint32_t k, ProcRt **last)
{
    ProcRt *first = l->head, *p = first;
    for (uint32_t i = 1; i < k; i++)
        p = p->link.rq_next;
    l->head = p->link.rq_next;
    if (l->head == NULL)
        l->tail = NULL;
    l->n -= k;
    *last = p;
    return first;
}

/* Stores q's length (under its lock; seq_cst: see park()) and returns it. */
static uint32_t rq_set_len(RunQueue *q)
{
    uint32_t len = q->fresh.n + q->fifo.n;
    atomic_store(&q->len, len);
    return len;
}

/* Appends the chain first..last (n processes) to q's fifo and returns q's new length. */
static uint32_t rq_append(RunQueue *q, ProcRt *first, ProcRt *last, uint32_t n)
{
    pthread_mutex_lock(&q->lock);
    list_append(&q->fifo, first, last, n);
    uint32_t len = rq_set_len(q);
    pthread_mutex_unlock(&q->lock);
    return len;
}

/* Puts the chain first..last (n processes) in front of q's fresh list (the owner's, at its
 * pick number `picks`); returns q's length. */
static uint32_t rq_push_fresh(RunQueue *q, ProcRt *first, ProcRt *last, uint32_t n,
                              uint32_t picks)
{
    pthread_mutex_lock(&q->lock);
    if (q->fresh.n == 0)
        q->fresh_since = picks;
    list_prepend(&q->fresh, first, last, n);
    uint32_t len = rq_set_len(q);
    pthread_mutex_unlock(&q->lock);
    return len;
}

/* The owner's pick, its `picks`-th: the head of `fresh`, else of `fifo` (the one after `skip`
 * others), or NULL; see RQ_FIFO_EVERY and RQ_FRESH_MAX_AGE for the exceptions. */
static ProcRt *rq_take(RunQueue *q, uint32_t skip, uint32_t picks)
{
    if (atomic_load_explicit(&q->len, memory_order_relaxed) == 0)
        return NULL; /* a stale 0 is harmless: park() looks again with seq_cst */
    pthread_mutex_lock(&q->lock);
    if (q->fresh.n > 0 && picks - q->fresh_since > RQ_FRESH_MAX_AGE) {
        list_append(&q->fifo, q->fresh.head, q->fresh.tail, q->fresh.n);
        q->fresh = (ProcList){NULL, NULL, 0};
    }
    bool fifo_turn = q->fifo.n > 0 && picks % RQ_FIFO_EVERY == 0;
    ProcList *l = q->fresh.n > 0 && !fifo_turn ? &q->fresh : &q->fifo;
    ProcRt *p = list_take(l, skip);
    if (p != NULL)
        rq_set_len(q);
    /* The next pick's first signal (SCHED.md "Run queues and stealing"), and the control block
     * of the one after it, whose first signal the next pick asks for. */
    if (l->head != NULL) {
        const void *sig = mailbox_next_hint(&l->head->mb);
        if (sig != NULL)
            prefetch_write(sig);
        if (l->head->link.rq_next != NULL)
            prefetch_write(l->head->link.rq_next);
    }
    pthread_mutex_unlock(&q->lock);
    return p;
}

/* A thief's share of q: the older half (at least one) of `fresh` (the biggest subtrees of a
 * tree walked depth first), else the older half of `fifo`; *last and *n describe the chain.
 * The lists are singly linked, so finding where a half starts is a walk, each step a cache
 * miss on a control block the victim's core holds, under the victim's lock (skynet's steals
 * took a few hundred processes each, the victim waiting on its own lock). The walk stops after
 * STEAL_WALK processes: a long fresh list keeps only its newest STEAL_WALK for the victim, a
 * long fifo gives away only its oldest STEAL_WALK. */
static ProcRt *rq_take_half(RunQueue *q, ProcRt **last, uint32_t *n)
{
    ProcRt *first = NULL;
    *n = 0;
    pthread_mutex_lock(&q->lock);
    if (q->fresh.n > 0) {
        uint32_t keep = q->fresh.n / 2;
        *n = q->fresh.n - (keep < STEAL_WALK ? keep : STEAL_WALK);
        first = list_take_back(&q->fresh, *n, last);
    } else if (q->fifo.n > 0) {
        *n = (q->fifo.n + 1) / 2;
        if (*n > STEAL_WALK)
            *n = STEAL_WALK;
        first = list_take_front(&q->fifo, *n, last);
    }
    rq_set_len(q);
    pthread_mutex_unlock(&q->lock);
    return first;
}

/* ---- parking ---- */

/* Wakes worker `w` if it is parked; park_lock held. Returns whether it was. */
static bool unpark(Sched *s, Worker *w)
{
    if (!w->parked)
        return false;
    w->parked = false;
    w->poked = true;
    atomic_fetch_sub(&s->nparked, 1);
    pthread_cond_signal(&w->wake);
    return true;
}

/* Wakes one parked worker, if any (it will look at every queue). */
static void wake_one(Sched *s)
{
    pthread_mutex_lock(&s->park_lock);
    for (uint32_t i = 0; i < s->nworkers; i++)
        if (unpark(s, &s->workers[i]))
            break;
    pthread_mutex_unlock(&s->park_lock);
}

/* Makes worker `w` look at its queue and timers again if it is parked. */
static void poke(Sched *s, Worker *w)
{
    pthread_mutex_lock(&s->park_lock);
    w->poked = true;
    pthread_cond_signal(&w->wake);
    pthread_mutex_unlock(&s->park_lock);
}

static bool has_work(Sched *s)
{
    if (atomic_load(&s->stop))
        return true;
    for (uint32_t i = 0; i < s->nworkers; i++)
        if (rq_len(&s->workers[i].rq) > 0)
            return true;
    return false;
}

/* Waits on w->wake until poked, woken or `deadline` (ms on timer_now_ms; TIMER_NEVER = no
 * limit). park_lock held. Returns true if the deadline passed. */
static bool wait_until(Sched *s, Worker *w, uint64_t deadline)
{
    if (deadline == TIMER_NEVER) {
        pthread_cond_wait(&w->wake, &s->park_lock);
        return false;
    }
    if (deadline <= timer_now_ms())
        return true;
    struct timespec ts = {(time_t)(deadline / 1000), (long)(deadline % 1000) * 1000000L};
    return pthread_cond_timedwait(&w->wake, &s->park_lock, &ts) == ETIMEDOUT;
}

/* When `w` may stop waiting (ms on timer_now_ms, or TIMER_NEVER): its nearest timer, or soon
 * if it still holds retired processes (they are freed, and their late signals answered, only
 * by an online thread). Sets *for_timer when the timer is what it waits for. */
static uint64_t wake_time(Worker *w, bool limbo, bool *for_timer)
{
    uint64_t due = timer_next_deadline(&w->timers);
    if (due != TIMER_NEVER && w->s->cfg.deterministic)
        due += w->s->real_start; /* virtual ms since start, waited for in real time */
    *for_timer = due != TIMER_NEVER;
    if (limbo && timer_now_ms() + LIMBO_RETRY_MS < due) {
        due = timer_now_ms() + LIMBO_RETRY_MS;
        *for_timer = false;
    }
    return due;
}

/* Puts `w` to sleep until there is work, a poke, or its nearest timer is due.
 * No lost wake-up: we count ourselves in `nparked` before looking at the queues, and an
 * enqueuer stores the new length before reading `nparked`; with both seq_cst, at least one
 * of us sees the other (the store-load pattern needs the single total order). */
static void park(Worker *w)
{
    Sched *s = w->s;
    bool limbo = epoch_flush(&s->epoch, w->ep);
    /* Freeing retired processes answers their late signals, which may wake processes here:
     * they are in `next` (and any it displaced in the pending list, queued after its slice). */
    if (w->next != NULL)
        return;
    epoch_offline(w->ep);
    pthread_mutex_lock(&s->park_lock);
    w->parked = true;
    atomic_fetch_add(&s->nparked, 1);
    pthread_mutex_unlock(&s->park_lock);
    bool work = has_work(s);
    pthread_mutex_lock(&s->park_lock);
    while (w->parked && !work && !w->poked) {
        bool for_timer;
        uint64_t due = wake_time(w, limbo, &for_timer);
        if (wait_until(s, w, due)) {
            uint64_t vdue = (due - s->real_start) * 1000;
            if (for_timer && s->cfg.deterministic && vdue > s->vclock_us)
                s->vclock_us = vdue; /* idle: the virtual clock jumps to the timer */
            break;
        }
    }
    if (w->parked) {
        w->parked = false;
        atomic_fetch_sub(&s->nparked, 1);
    }
    w->poked = false;
    pthread_mutex_unlock(&s->park_lock);
    epoch_online(&s->epoch, w->ep);
}

/* Waits up to FED_SPIN_NS for work in w's own queue (SCHED.md "Parking"): true when some
 * came (or the scheduler stops). Only its own queue: looking at the others would make it steal
 * the producer itself, between two of its slices. */
static bool spin_for_work(Worker *w)
{
    uint64_t until = timer_now_ns() + FED_SPIN_NS;
    for (;;) {
        for (int i = 0; i < 16; i++)
            cpu_relax();
        if (rq_len(&w->rq) > 0 || atomic_load_explicit(&w->s->stop, memory_order_relaxed))
            return true;
        if (timer_now_ns() >= until)
            return false;
    }
}

/* ---- running ---- */

/* Moves half of another worker's queue here and returns one process to run, or NULL. */
static ProcRt *steal(Worker *w)
{
    Sched *s = w->s;
    uint32_t n = s->nworkers;
    uint32_t start = (uint32_t)(next_rand(&w->rng) % n);
    for (uint32_t i = 0; i < n; i++) {
        Worker *v = &s->workers[(start + i) % n];
        if (v == w || rq_len(&v->rq) == 0)
            continue;
        ProcRt *last;
        uint32_t k;
        ProcRt *first = rq_take_half(&v->rq, &last, &k);
        if (first == NULL)
            continue;
        if (k > 1)
            rq_append(&w->rq, first->link.rq_next, last, k - 1);
        return first;
    }
    return NULL;
}

/* A producer's worker helping its consumers (SCHED.md "Producers keep their core"): the
 * oldest process of another worker's fifo that has at least one more queued, or NULL. */
static ProcRt *steal_one(Worker *w)
{
    Sched *s = w->s;
    for (uint32_t i = 0; i < s->nworkers; i++) {
        Worker *v = &s->workers[i];
        if (v == w || rq_len(&v->rq) < 2)
            continue;
        pthread_mutex_lock(&v->rq.lock);
        ProcRt *p = v->rq.fifo.n > 1 ? list_take(&v->rq.fifo, 0) : NULL;
        if (p != NULL)
            rq_set_len(&v->rq);
        pthread_mutex_unlock(&v->rq.lock);
        if (p != NULL)
            return p;
    }
    return NULL;
}

/* After queueing on `w` (the calling worker), which now holds `len` processes: wakes a parked
 * worker if `w` has more runnable processes than the one it will start on next. */
static void maybe_wake_helper(Worker *w, uint32_t len)
{
    if (len + (w->next != NULL) >= 2 && atomic_load(&w->s->nparked) > 0)
        wake_one(w->s);
}

/* Queues `p` at the tail of `w`'s fifo (w is the calling worker). */
static void push_local(Worker *w, ProcRt *p) { maybe_wake_helper(w, rq_append(&w->rq, p, p, 1)); }

/* Wakes worker `v` if it is parked. */
static void wake_worker(Sched *s, Worker *v)
{
    if (atomic_load(&s->nparked) == 0)
        return;
    pthread_mutex_lock(&s->park_lock);
    unpark(s, v);
    pthread_mutex_unlock(&s->park_lock);
}

/* The process that just ran on `w` is still runnable (a producer) and woke others (`next` and
 * the woken pending list): they go to the least busy other worker, so the producer keeps this
 * core and its consumers run beside it on another, instead of taking turns with it here. */
static bool hand_off(Worker *w)
{
    Sched *s = w->s;
    if (s->nworkers < 2 || w->next == NULL || s->cfg.deterministic)
        return false;
    Worker *best = NULL;
    uint32_t best_len = UINT32_MAX;
    uint32_t start = (uint32_t)(next_rand(&w->rng) % s->nworkers);
    for (uint32_t i = 0; i < s->nworkers; i++) {
        Worker *v = &s->workers[(start + i) % s->nworkers];
        uint32_t len = rq_len(&v->rq);
        if (v != w && len < best_len) {
            best = v;
            best_len = len;
        }
    }
    ProcList l = {NULL, NULL, 0};
    list_append(&l, w->next, w->next, 1);
    w->next = NULL;
    if (w->pend_woken.n > 0)
        list_append(&l, w->pend_woken.head, w->pend_woken.tail, w->pend_woken.n);
    w->pend_woken = (ProcList){NULL, NULL, 0};
    rq_append(&best->rq, l.head, l.tail, l.n);
    atomic_store_explicit(&best->rq.fed, true, memory_order_relaxed);
    wake_worker(s, best);
    return true;
}

/* When a slice ends: the processes it spawned go, in one step and in spawn order, in front of
 * older work (`fresh`); those it woke beyond `next` behind it (`fifo`), so a producer and the
 * consumers it wakes take turns as on the BEAM. The oldest spawned one, or else woken one,
 * goes to an empty `next` (a spawn-and-wait loop then takes no lock). */
static void flush_pending(Worker *w)
{
    ProcList *first = w->pend_new.n > 0 ? &w->pend_new : &w->pend_woken;
    if (w->next == NULL && first->n > 0)
        w->next = list_take(first, 0);
    uint32_t len = 0;
    if (w->pend_new.n > 0)
        len = rq_push_fresh(&w->rq, w->pend_new.head, w->pend_new.tail, w->pend_new.n, w->picks);
    if (w->pend_woken.n > 0)
        len = rq_append(&w->rq, w->pend_woken.head, w->pend_woken.tail, w->pend_woken.n);
    if (len > 0)
        maybe_wake_helper(w, len);
    w->pend_new = w->pend_woken = (ProcList){NULL, NULL, 0};
}

/* `p` was just woken by the process running on `w`: it runs next, as the woken half of a
 * ping-pong pair should (no lock, and its messages are still in this cache). A process it
 * displaces waits in the woken pending list, which no other worker can see, until the slice
 * ends: a producer that wakes consumer after consumer lets each gather the messages of a
 * whole slice before anyone can steal it, instead of being stolen, run and put back to sleep
 * on another core for every single message. */
static void push_next(Worker *w, ProcRt *p)
{
    ProcRt *old = w->next;
    w->next = p;
    if (old != NULL)
        list_append(&w->pend_woken, old, old, 1);
}

static ProcRt *next_process(Worker *w)
{
    w->picks++;
    ProcRt *p = w->next;
    if (p != NULL) {
        w->next = NULL;
        if (w->next_streak++ < NEXT_STREAK_MAX)
            return p;
        /* A pair waking each other must not keep the rest of the queue waiting. */
        rq_append(&w->rq, p, p, 1);
    }
    w->next_streak = 0;
    if (w->help > 0) {
        ProcRt *q = steal_one(w);
        w->help = q != NULL ? w->help - 1 : 0; /* none queued elsewhere: they caught up */
        if (q != NULL)
            return q;
    }
    uint32_t skip = 0;
    if (w->s->cfg.deterministic && next_rand(&w->rng) % 4 == 0)
        skip = 1; /* a seeded reordering: sometimes the second in line goes first */
    p = rq_take(&w->rq, skip, w->picks);
    return p != NULL ? p : steal(w);
}

static void run_slice(Worker *w, ProcRt *p)
{
    Sched *s = w->s;
    uint32_t budget = s->cfg.budget;
    if (s->cfg.deterministic) {
        budget = budget / 2 + (uint32_t)(next_rand(&w->rng) % budget);
        s->vclock_us += DET_SLICE_US;
    }
    proc_rt_set_status(p, PROC_RT_RUNNING);
    RunResult res = s->cfg.run(s->cfg.ctx, p, budget);
    if (sigpool_grew) { /* its messages' receivers are behind (sigpool.h) */
        w->help = res == RUN_YIELD && s->nworkers > 1 ? sigpool_grew : 0;
        sigpool_grew = 0;
    }
    outbox_flush_here(&w->out, s); /* before its exit signals, and before anything else runs */
    if (res != RUN_YIELD || !hand_off(w))
        flush_pending(w);
    switch (res) {
    case RUN_YIELD:
        proc_rt_set_status(p, PROC_RT_RUNNABLE);
        push_local(w, p);
        break;
    case RUN_WAIT:
        /* Status first: once asleep, a waker may set RUNNABLE at any moment. */
        proc_rt_set_status(p, PROC_RT_WAITING);
        if (!mailbox_try_sleep(&p->mb)) {
            proc_rt_set_status(p, PROC_RT_RUNNABLE);
            push_local(w, p);
        }
        break;
    case RUN_EXIT:
        proc_rt_set_status(p, PROC_RT_EXITING);
        s->cfg.exited(s->cfg.ctx, p);
        epoch_retire(&s->epoch, w->ep, &p->link.retired);
        break;
    }
}

/* Binds the calling thread, worker `w`, to its CPU (SCHED.md "Binding"). Best effort: a
 * refusal (a CPU set changed meanwhile, a sandbox) leaves the thread unbound. */
static void bind_worker(Worker *w)
{
    Sched *s = w->s;
    if (s->ncpus < 2)
        return;
    uint32_t k = w->id % s->ncpus;
    for (int c = 0; c < CPU_SETSIZE; c++) {
        if (!CPU_ISSET(c, &s->cpus) || k-- != 0)
            continue;
        cpu_set_t one;
        CPU_ZERO(&one);
        CPU_SET(c, &one);
        (void)pthread_setaffinity_np(pthread_self(), sizeof one, &one);
        return;
    }
}

static void worker_loop(Worker *w)
{
    Sched *s = w->s;
    tl_worker = w;
    bind_worker(w);
    epoch_online(&s->epoch, w->ep);
    while (!atomic_load_explicit(&s->stop, memory_order_relaxed)) {
        if (timer_count(&w->timers) > 0)
            timer_expire(&w->timers, sched_now(s));
        ProcRt *p = next_process(w);
        if (p == NULL) {
            bool fed = atomic_exchange_explicit(&w->rq.fed, false, memory_order_relaxed);
            if (!(fed && spin_for_work(w)))
                park(w);
            continue;
        }
        run_slice(w, p);
        if (++w->since_quiescent >= QUIESCENT_EVERY || w->ep->nlimbo >= QUIESCENT_LIMBO) {
            w->since_quiescent = 0;
            epoch_quiescent(&s->epoch, w->ep);
        }
    }
    epoch_offline(w->ep);
    tl_worker = NULL;
}

static void *worker_main(void *arg)
{
    worker_loop(arg);
    return NULL;
}

/* ---- public ---- */

static void reclaim_node(void *ctx, EpochNode *n)
{
    Sched *s = ctx;
    ProcRt *p = (ProcRt *)((char *)n - offsetof(ProcRt, link.retired));
    s->cfg.reclaim(s->cfg.ctx, p);
}

static bool config_ok(const SchedConfig *cfg)
{
    return cfg->threads >= 1 && cfg->threads <= SCHED_MAX_THREADS &&
           (!cfg->deterministic || cfg->threads == 1) && cfg->run != NULL &&
           cfg->exited != NULL && cfg->reclaim != NULL;
}

static int worker_init(Sched *s, Worker *w, uint32_t id)
{
    w->s = s;
    w->id = id;
    w->parked = w->poked = false;
    w->next = NULL;
    w->next_streak = 0;
    w->help = 0;
    w->since_quiescent = 0;
    w->pend_new = w->pend_woken = (ProcList){NULL, NULL, 0};
    w->rng = s->cfg.deterministic ? s->cfg.seed : (uint64_t)(uintptr_t)w ^ timer_now_ms();
    w->ep = &s->epoch_threads[id];
    w->picks = 0;
    w->rq.fresh = w->rq.fifo = (ProcList){NULL, NULL, 0};
    atomic_init(&w->rq.len, 0);
    atomic_init(&w->rq.fed, false);
    pthread_condattr_t ca;
    pthread_condattr_init(&ca);
    pthread_condattr_setclock(&ca, CLOCK_MONOTONIC);
    int bad = pthread_cond_init(&w->wake, &ca) != 0;
    pthread_condattr_destroy(&ca);
    bad |= short_lock_init(&w->rq.lock) != 0;
    bad |= timer_heap_init(&w->timers) != 0;
    return bad ? -1 : 0;
}

int sched_init(Sched *s, const SchedConfig *cfg)
{
    if (!config_ok(cfg))
        return -1;
    s->cfg = *cfg;
    if (s->cfg.budget == 0)
        s->cfg.budget = SCHED_DEFAULT_BUDGET;
    s->nworkers = cfg->threads;
    s->workers = cacheline_calloc(cfg->threads, sizeof *s->workers);
    s->epoch_threads = cacheline_calloc(cfg->threads, sizeof *s->epoch_threads);
    if (s->workers == NULL || s->epoch_threads == NULL ||
        pthread_mutex_init(&s->park_lock, NULL) != 0) {
        free(s->workers);
        free(s->epoch_threads);
        return -1;
    }
    epoch_init(&s->epoch, s->epoch_threads, cfg->threads, reclaim_node, s);
    atomic_init(&s->stop, false);
    atomic_init(&s->nparked, 0);
    atomic_init(&s->next_external, 0);
    s->real_start = timer_now_ms();
    s->vclock_us = 0;
    s->ncpus = 0;
    if (!cfg->unbound && cfg->threads > 1 && sched_getaffinity(0, sizeof s->cpus, &s->cpus) == 0)
        s->ncpus = (uint32_t)CPU_COUNT(&s->cpus);
    for (uint32_t i = 0; i < cfg->threads; i++)
        if (worker_init(s, &s->workers[i], i) != 0)
            return -1;
    return 0;
}

int sched_run(Sched *s)
{
    uint32_t started = 1;
    for (; started < s->nworkers; started++)
        if (pthread_create(&s->workers[started].thread, NULL, worker_main,
                           &s->workers[started]) != 0)
            break;
    cpu_set_t mine;
    bool rebind = s->ncpus >= 2 && pthread_getaffinity_np(pthread_self(), sizeof mine, &mine) == 0;
    if (started < s->nworkers)
        sched_stop(s);
    else
        worker_loop(&s->workers[0]);
    if (rebind)
        (void)pthread_setaffinity_np(pthread_self(), sizeof mine, &mine);
    for (uint32_t i = 1; i < started; i++)
        pthread_join(s->workers[i].thread, NULL);
    return started < s->nworkers ? -1 : 0;
}

void sched_stop(Sched *s)
{
    atomic_store(&s->stop, true);
    for (uint32_t i = 0; i < s->nworkers; i++)
        poke(s, &s->workers[i]);
}

void sched_destroy(Sched *s)
{
    epoch_drain_all(&s->epoch);
    for (uint32_t i = 0; i < s->nworkers; i++) {
        Worker *w = &s->workers[i];
        timer_heap_destroy(&w->timers);
        pthread_mutex_destroy(&w->rq.lock);
        pthread_cond_destroy(&w->wake);
    }
    pthread_mutex_destroy(&s->park_lock);
    free(s->workers);
    free(s->epoch_threads);
    s->workers = NULL;
    s->epoch_threads = NULL;
}

void sched_enqueue_new(Sched *s, ProcRt *p)
{
    Worker *w = tl_worker;
    if (w == NULL || w->s != s) {
        sched_enqueue(s, p);
        return;
    }
    proc_rt_set_status(p, PROC_RT_RUNNABLE);
    list_append(&w->pend_new, p, p, 1);
}

void sched_enqueue(Sched *s, ProcRt *p)
{
    proc_rt_set_status(p, PROC_RT_RUNNABLE);
    Worker *w = tl_worker;
    if (w != NULL && w->s == s) {
        push_next(w, p);
        return;
    }
    uint32_t k = atomic_fetch_add_explicit(&s->next_external, 1, memory_order_relaxed);
    rq_append(&s->workers[k % s->nworkers].rq, p, p, 1);
    if (atomic_load(&s->nparked) > 0)
        wake_one(s);
}

uint64_t sched_now(Sched *s)
{
    return s->cfg.deterministic ? s->vclock_us / 1000 : timer_now_ms();
}

int sched_timer_start(Sched *s, Timer *t, uint64_t deadline, TimerFireFn fire, uint64_t data)
{
    Worker *w = tl_worker;
    bool remote = w == NULL || w->s != s;
    if (remote)
        w = &s->workers[0];
    if (timer_start(&w->timers, t, deadline, fire, data) != 0)
        return -1;
    if (remote)
        poke(s, w); /* it may be parked until a later deadline */
    return 0;
}
