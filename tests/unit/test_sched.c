/* Unit tests of src/rt/sched with fake processes (no VM): each fake's run callback counts
 * down work, sends messages through the pid table and mailboxes, or arms timers. Checks
 * completion, preemption (a spinning process starves nobody), parking with timers (no CPU
 * burnt while waiting), work stealing, deterministic replay, and a message stress test with
 * process deaths: every message is received exactly once or dropped for a dead receiver,
 * in order per sender. */
#include <criterion/criterion.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>

#include "rt/pidtab.h"
#include "rt/sched.h"

typedef enum Kind { COUNTDOWN, COLLECTOR, SPINNER, SLEEPER, FORKER, CHATTER } Kind;

typedef struct World World;

typedef struct Fake {
    ProcRt rt; /* first: a ProcRt* is the Fake* */
    Timer timer; /* its timeout (the runtime's own receive timer is rt.rtimer) */
    World *world;
    Kind kind;
    bool is_main;
    bool started;
    int64_t work;   /* COUNTDOWN: reductions left; COLLECTOR: messages to wait for */
    int64_t acc;    /* FORKER: sum so far; CHATTER: messages left to send */
    int depth;      /* FORKER */
    int pending;    /* FORKER: children not yet reported */
    Value parent;   /* where to report */
    uint32_t index; /* CHATTER: its number */
    uint32_t seq;   /* CHATTER: last sequence number sent */
    unsigned rng;   /* CHATTER: picks receivers */
} Fake;

#define MAX_CHATTERS 256

struct World {
    PidTab pids;
    Sched s;
    atomic_int exited, reclaimed;
    atomic_long sent, received, dropped_dead, freed_dead;
    atomic_int ran_on[8];
    bool record_cpus;    /* fill bound_cpu (a system call per slice: only where tested) */
    atomic_int bound_cpu[8]; /* per worker: the one CPU its thread may run on, or -(how many) */
    /* CHATTER bookkeeping */
    uint32_t nchatters;
    Value chatters[MAX_CHATTERS];
    atomic_uint last_seq[MAX_CHATTERS][MAX_CHATTERS]; /* [receiver][sender] */
    atomic_int unfinished; /* chatters still sending */
    int die_every; /* a chatter exits after receiving this many (0 = never) */
    bool keep_log;
    /* deterministic log */
    uint64_t log[4096];
    int nlog;
};

static Signal *new_signal(uint32_t kind, Value from, Value payload, uint64_t ref)
{
    Signal *s = calloc(1, sizeof *s + SIGNAL_META_WORDS * sizeof(Value));
    cr_assert_not_null(s);
    s->kind = (uint8_t)kind;
    signal_set_meta(s, from, ref);
    s->payload = payload;
    return s;
}

/* Sends `payload` to `to`; false if `to` is dead (the message is dropped, as on BEAM). */
static bool send(World *w, Value from, Value to, Value payload, uint64_t ref)
{
    ProcRt *p = pidtab_lookup(&w->pids, to);
    if (p == NULL)
        return false;
    if (mailbox_push(&p->mb, new_signal(SIG_MESSAGE, from, payload, ref)))
        sched_enqueue(&w->s, p);
    return true;
}

/* A new process, not yet runnable: set its fields, then start() it. */
static Fake *make(World *w, Kind kind, Value parent)
{
    Fake *f = calloc(1, sizeof *f);
    cr_assert_not_null(f);
    proc_rt_init(&f->rt);
    timer_init(&f->timer);
    f->world = w;
    f->kind = kind;
    f->parent = parent;
    cr_assert_neq(pidtab_alloc(&w->pids, &f->rt), 0, "process limit hit in a test");
    return f;
}

/* Makes `f` runnable; it may run (and exit, and be freed) at once on another worker. */
static void start(World *w, Fake *f) { sched_enqueue(&w->s, &f->rt); }

/* Pops the next message from the private list or the inbound queue (fakes ignore other
 * signals except timeouts, which come back with kind SIG_TIMEOUT). */
static Signal *next_signal(Fake *f)
{
    Signal *s = mailbox_pop(&f->rt.mb);
    return s;
}

/* ---- behaviours ---- */

static RunResult run_countdown(Fake *f, uint32_t budget)
{
    f->work -= budget;
    if (f->work > 0)
        return RUN_YIELD;
    send(f->world, f->rt.pid, f->parent, val_small(1), 0);
    return RUN_EXIT;
}

static RunResult run_collector(Fake *f)
{
    Signal *s;
    while ((s = next_signal(f)) != NULL) {
        f->work--;
        free(s);
    }
    return f->work <= 0 ? RUN_EXIT : RUN_WAIT;
}

static void timeout_fired(Timer *t, uint64_t data)
{
    Fake *f = (Fake *)((char *)t - offsetof(Fake, timer));
    if (mailbox_push(&f->rt.mb, new_signal(SIG_TIMEOUT, 0, 0, data)))
        sched_enqueue(&f->world->s, &f->rt);
}

static RunResult run_sleeper(Fake *f)
{
    if (!f->started) {
        f->started = true;
        uint64_t due = sched_now(&f->world->s) + (uint64_t)f->work;
        cr_assert_eq(sched_timer_start(&f->world->s, &f->timer, due, timeout_fired, 7), 0);
        return RUN_WAIT;
    }
    Signal *s = next_signal(f);
    if (s == NULL)
        return RUN_WAIT; /* a spurious wake-up is allowed; the timer is what we wait for */
    cr_assert_eq(s->kind, SIG_TIMEOUT);
    cr_assert_eq(signal_ref(s), 7);
    free(s);
    return RUN_EXIT;
}

static RunResult run_forker(Fake *f)
{
    World *w = f->world;
    if (!f->started) {
        f->started = true;
        if (f->depth == 0) {
            /* a little real work, so that a tree outlasts the other workers' start-up even
             * on a loaded machine and they find something to steal */
            for (volatile int spin = 0; spin < 20000; spin++)
                ;
            send(w, f->rt.pid, f->parent, val_small(1), 0);
            return RUN_EXIT;
        }
        for (int i = 0; i < 10; i++) {
            Fake *c = make(w, FORKER, f->rt.pid);
            c->depth = f->depth - 1;
            sched_enqueue_new(&w->s, &c->rt); /* as the runtime's spawn */
        }
        f->pending = 10;
    }
    Signal *s;
    while ((s = next_signal(f)) != NULL) {
        f->acc += val_small_get(s->payload);
        f->pending--;
        free(s);
    }
    if (f->pending > 0)
        return RUN_WAIT;
    if (!f->is_main)
        send(w, f->rt.pid, f->parent, val_small(f->acc), 0);
    return RUN_EXIT;
}

/* Counts one chat message as done (received, or lost with a dead receiver); the last one
 * stops the run. */
static void chat_check(World *w)
{
    long done = atomic_load(&w->received) + atomic_load(&w->dropped_dead) +
                atomic_load(&w->freed_dead);
    if (atomic_load(&w->unfinished) == 0 && done == atomic_load(&w->sent))
        sched_stop(&w->s);
}

static void chat_done(World *w, atomic_long *counter)
{
    atomic_fetch_add(counter, 1);
    chat_check(w);
}

/* A chatter stops sending (its share is sent, or it dies). */
static void chatter_finished(World *w)
{
    atomic_fetch_sub(&w->unfinished, 1);
    chat_check(w);
}

static void chatter_receive(Fake *f, Signal *s)
{
    World *w = f->world;
    uint32_t from = (uint32_t)(signal_ref(s) >> 32);
    uint32_t seq = (uint32_t)signal_ref(s);
    uint32_t last = atomic_load_explicit(&w->last_seq[f->index][from], memory_order_relaxed);
    cr_assert_gt(seq, last, "chatter %u got #%u from %u after #%u: order or duplicate broken",
                 f->index, seq, from, last);
    atomic_store_explicit(&w->last_seq[f->index][from], seq, memory_order_relaxed);
    if (w->keep_log && w->nlog < (int)(sizeof w->log / sizeof w->log[0]))
        w->log[w->nlog++] = ((uint64_t)f->index << 48) ^ signal_ref(s);
    free(s);
    chat_done(w, &w->received);
}

/* Receives everything queued, then sends a few messages to random chatters, and yields;
 * waits once it has sent its share. With die_every, exits after that many receipts. */
static RunResult run_chatter(Fake *f, uint32_t budget)
{
    World *w = f->world;
    Signal *s;
    while ((s = next_signal(f)) != NULL) {
        chatter_receive(f, s);
        if (w->die_every && ++f->work % w->die_every == 0) {
            if (f->acc > 0)
                chatter_finished(w);
            return RUN_EXIT;
        }
    }
    for (uint32_t n = 0; f->acc > 0 && n < budget / 100; n++, f->acc--) {
        Value to = w->chatters[(uint32_t)rand_r(&f->rng) % w->nchatters];
        uint64_t ref = ((uint64_t)f->index << 32) | ++f->seq;
        atomic_fetch_add(&w->sent, 1);
        if (!send(w, f->rt.pid, to, 0, ref))
            chat_done(w, &w->dropped_dead);
    }
    if (f->acc > 0)
        return RUN_YIELD;
    if (!f->started) {
        f->started = true; /* here: "has sent its share" */
        chatter_finished(w);
    }
    return RUN_WAIT;
}

static void drop_queued(World *w, ProcRt *p, bool count);

static RunResult run(void *ctx, ProcRt *p, uint32_t budget)
{
    World *w = ctx;
    Fake *f = (Fake *)p;
    Worker *me = sched_current();
    cr_assert_not_null(me, "run must be called on a worker thread");
    atomic_fetch_add(&w->ran_on[me->id % 8], 1);
    cpu_set_t m;
    if (w->record_cpus && pthread_getaffinity_np(pthread_self(), sizeof m, &m) == 0) {
        int first = 0;
        while (first < CPU_SETSIZE && !CPU_ISSET(first, &m)) first++;
        atomic_store(&w->bound_cpu[me->id % 8], CPU_COUNT(&m) == 1 ? first : -CPU_COUNT(&m));
    }
    switch (f->kind) {
    case COUNTDOWN: return run_countdown(f, budget);
    case COLLECTOR: return run_collector(f);
    case SPINNER: return RUN_YIELD;
    case SLEEPER: return run_sleeper(f);
    case FORKER: return run_forker(f);
    case CHATTER: return run_chatter(f, budget);
    }
    return RUN_EXIT;
}

static void exited(void *ctx, ProcRt *p)
{
    World *w = ctx;
    pidtab_free(&w->pids, p->pid);
    drop_queued(w, p, true); /* what came before the pid was freed; later ones at reclaim */
    atomic_fetch_add(&w->exited, 1);
    if (((Fake *)p)->is_main)
        sched_stop(&w->s);
}

/* Frees what is queued for a dead process; chat messages count as lost with it. */
static void drop_queued(World *w, ProcRt *p, bool count)
{
    Signal *s;
    while ((s = mailbox_pop(&p->mb)) != NULL) {
        if (count && s->kind == SIG_MESSAGE && signal_ref(s) != 0)
            chat_done(w, &w->freed_dead);
        free(s);
    }
}

static void free_fake(World *w, ProcRt *p, bool count)
{
    drop_queued(w, p, count);
    proc_rt_destroy(p);
    free(p);
}

static void reclaim(void *ctx, ProcRt *p)
{
    World *w = ctx;
    free_fake(w, p, true);
    atomic_fetch_add(&w->reclaimed, 1);
}

static World *world_new_cfg(uint32_t threads, bool det, uint64_t seed, bool unbound)
{
    World *w = calloc(1, sizeof *w);
    cr_assert_not_null(w);
    cr_assert_eq(pidtab_init(&w->pids, 100000), 0);
    SchedConfig cfg = {.threads = threads, .deterministic = det, .unbound = unbound, .seed = seed,
                       .run = run, .exited = exited, .reclaim = reclaim, .ctx = w};
    cr_assert_eq(sched_init(&w->s, &cfg), 0);
    return w;
}

static World *world_new(uint32_t threads, bool det, uint64_t seed)
{
    return world_new_cfg(threads, det, seed, false);
}

static void world_run(World *w) { cr_assert_eq(sched_run(&w->s), 0); }

/* Tears down processes still alive after the run, then everything else. */
static void world_free(World *w)
{
    sched_destroy(&w->s);
    Value live[1024];
    uint32_t n;
    while ((n = pidtab_list(&w->pids, live, 1024)) > 0) {
        for (uint32_t i = 0; i < n && i < 1024; i++) {
            ProcRt *p = pidtab_lookup(&w->pids, live[i]);
            pidtab_free(&w->pids, live[i]);
            free_fake(w, p, false);
        }
    }
    pidtab_destroy(&w->pids);
    free(w);
}

/* The main process: its exit stops the scheduler. Started by world_run's caller. */
static Fake *make_main(World *w, Kind kind)
{
    Fake *m = make(w, kind, 0);
    m->is_main = true;
    return m;
}

/* ---- tests ---- */

Test(sched, config_is_checked)
{
    Sched s;
    SchedConfig cfg = {.threads = 0, .run = run, .exited = exited, .reclaim = reclaim};
    cr_assert_eq(sched_init(&s, &cfg), -1, "0 threads must be refused");
    cfg.threads = 2;
    cfg.deterministic = true;
    cr_assert_eq(sched_init(&s, &cfg), -1, "deterministic mode needs exactly 1 thread");
}

static void countdown_test(uint32_t threads)
{
    World *w = world_new(threads, false, 0);
    enum { N = 200 };
    Fake *m = make_main(w, COLLECTOR);
    m->work = N;
    start(w, m);
    for (int i = 0; i < N; i++) {
        Fake *c = make(w, COUNTDOWN, m->rt.pid);
        c->work = 20000 + i * 37;
        start(w, c);
    }
    world_run(w);
    cr_assert_eq(atomic_load(&w->exited), N + 1, "expected %d exits, got %d", N + 1,
                 atomic_load(&w->exited));
    world_free(w);
}

Test(sched, all_processes_run_to_completion_1_thread) { countdown_test(1); }
Test(sched, all_processes_run_to_completion_4_threads, .timeout = 60) { countdown_test(4); }

Test(sched, reclaims_every_exited_process)
{
    World *w = world_new(2, false, 0);
    Fake *m = make_main(w, COLLECTOR);
    m->work = 50;
    start(w, m);
    for (int i = 0; i < 50; i++) {
        Fake *c = make(w, COUNTDOWN, m->rt.pid);
        c->work = 1;
        start(w, c);
    }
    world_run(w);
    sched_destroy(&w->s);
    cr_assert_eq(atomic_load(&w->reclaimed), 51, "expected 51 reclaimed, got %d",
                 atomic_load(&w->reclaimed));
    cr_assert_eq(pidtab_count(&w->pids), 0);
    pidtab_destroy(&w->pids);
    free(w);
}

Test(sched, a_spinning_process_does_not_starve_others)
{
    World *w = world_new(1, false, 0);
    start(w, make(w, SPINNER, 0));
    start(w, make(w, SPINNER, 0));
    Fake *m = make_main(w, COUNTDOWN);
    m->work = 50 * SCHED_DEFAULT_BUDGET;
    start(w, m);
    world_run(w); /* returns only if the main countdown got its 50 slices */
    cr_assert_eq(atomic_load(&w->exited), 1);
    world_free(w);
}

/* Processes spawned in front of older work (depth first) must not keep a preempted process
 * waiting until they are all done: a countdown needing 20 slices finishes while a tree of
 * 111,111 processes is still being walked on the same worker. */
Test(sched, a_tree_of_new_processes_does_not_starve_a_preempted_one, .timeout = 60)
{
    World *w = world_new(1, false, 0);
    Fake *m = make_main(w, COUNTDOWN);
    m->work = 20 * SCHED_DEFAULT_BUDGET;
    Fake *root = make(w, FORKER, m->rt.pid);
    root->depth = 5;
    start(w, root);
    start(w, m);
    world_run(w); /* returns when the countdown is done */
    int exited = atomic_load(&w->exited);
    cr_assert_lt(exited, 111111 / 2, "the countdown finished only after %d of the tree's 111111 "
                 "processes had exited", exited);
    world_free(w);
}

static double cpu_seconds(void)
{
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    return (double)ru.ru_utime.tv_sec + ru.ru_utime.tv_usec / 1e6 + (double)ru.ru_stime.tv_sec +
           ru.ru_stime.tv_usec / 1e6;
}

static void sleeper_test(uint32_t threads)
{
    World *w = world_new(threads, false, 0);
    Fake *m = make_main(w, SLEEPER);
    m->work = 200; /* ms */
    start(w, m);
    uint64_t t0 = timer_now_ms();
    double c0 = cpu_seconds();
    world_run(w);
    uint64_t took = timer_now_ms() - t0;
    double cpu = cpu_seconds() - c0;
    cr_assert_geq(took, 200, "the timer fired after %lu ms, before its 200 ms", (unsigned long)took);
    cr_assert_lt(took, 2000, "the timer fired only after %lu ms", (unsigned long)took);
    cr_assert_lt(cpu, 0.1, "%.3f s of CPU while waiting 200 ms for a timer: busy waiting?", cpu);
    world_free(w);
}

Test(sched, timer_wakes_a_parked_worker_without_busy_waiting_1_thread) { sleeper_test(1); }
Test(sched, timer_wakes_a_parked_worker_without_busy_waiting_4_threads) { sleeper_test(4); }

Test(sched, fork_join_tree_completes_and_work_is_stolen, .timeout = 60)
{
    World *w = world_new(4, false, 0);
    Fake *root = make_main(w, FORKER);
    root->depth = 4;
    start(w, root);
    world_run(w);
    cr_assert_eq(atomic_load(&w->exited), 11111, "expected 11111 exits, got %d",
                 atomic_load(&w->exited));
    int workers_used = 0;
    for (int i = 0; i < 4; i++)
        workers_used += atomic_load(&w->ran_on[i]) > 0;
    cr_assert_geq(workers_used, 2, "only %d worker ran processes: no stealing?", workers_used);
    world_free(w);
}

/* Runs a tree of 11,111 processes on 4 workers, bound or not, and checks where each worker's
 * thread was allowed to run (SCHED.md "Binding"), and that the calling thread (worker 0) has
 * the process's CPUs back afterwards. */
static void binding_test(bool unbound)
{
    cpu_set_t all;
    cr_assert_eq(sched_getaffinity(0, sizeof all, &all), 0);
    int ncpus = CPU_COUNT(&all);
    if (ncpus < 2)
        cr_skip_test("one CPU: nothing to bind");
    World *w = world_new_cfg(4, false, 0, unbound);
    w->record_cpus = true;
    Fake *root = make_main(w, FORKER);
    root->depth = 4;
    start(w, root);
    world_run(w);
    int used = 0;
    for (int i = 0; i < 4; i++) {
        if (atomic_load(&w->ran_on[i]) == 0)
            continue;
        used++;
        int want = -ncpus; /* unbound: every CPU of the process */
        if (!unbound) {    /* bound: the (i mod ncpus)-th of them */
            int k = i % ncpus;
            for (want = 0; !CPU_ISSET(want, &all) || k-- > 0; want++) {}
        }
        cr_assert_eq(atomic_load(&w->bound_cpu[i]), want, "worker %d: allowed %d, expected %d", i,
                     atomic_load(&w->bound_cpu[i]), want);
    }
    cr_assert_geq(used, 2, "only %d worker ran processes", used);
    cpu_set_t after;
    cr_assert_eq(pthread_getaffinity_np(pthread_self(), sizeof after, &after), 0);
    cr_assert(CPU_EQUAL(&after, &all), "worker 0's thread did not get its CPUs back");
    world_free(w);
}

Test(sched, workers_are_bound_to_a_cpu_each, .timeout = 60) { binding_test(false); }
Test(sched, unbound_workers_run_on_every_cpu, .timeout = 60) { binding_test(true); }

/* Starts n chatters that send `per` messages each, and runs until every message is
 * received or lost with a dead receiver. */
static void chat(World *w, uint32_t n, int64_t per, int die_every)
{
    w->nchatters = n;
    atomic_store(&w->unfinished, (int)n);
    w->die_every = die_every;
    Fake *f[MAX_CHATTERS];
    for (uint32_t i = 0; i < n; i++) {
        f[i] = calloc(1, sizeof(Fake));
        cr_assert_not_null(f[i]);
        proc_rt_init(&f[i]->rt);
        f[i]->world = w;
        f[i]->kind = CHATTER;
        f[i]->index = i;
        f[i]->acc = per;
        f[i]->rng = i + 1;
        w->chatters[i] = pidtab_alloc(&w->pids, &f[i]->rt);
    }
    for (uint32_t i = 0; i < n; i++)
        sched_enqueue(&w->s, &f[i]->rt);
    world_run(w);
}

static void chat_test(uint32_t threads, int die_every)
{
    World *w = world_new(threads, false, 0);
    chat(w, 200, 500, die_every);
    if (die_every == 0) {
        cr_assert_eq(atomic_load(&w->sent), 200 * 500);
        cr_assert_eq(atomic_load(&w->received), 200 * 500, "received %ld of %d",
                     atomic_load(&w->received), 200 * 500);
    } else {
        cr_assert_gt(atomic_load(&w->freed_dead) + atomic_load(&w->dropped_dead), 0,
                     "no message met a dead receiver: the test tests nothing");
    }
    world_free(w); /* frees the last retired processes, counting their queued messages */
}

Test(sched, stress_messages_exactly_once_in_order_1_thread, .timeout = 120)
{
    chat_test(1, 0);
}

Test(sched, stress_messages_exactly_once_in_order_4_threads, .timeout = 120)
{
    chat_test(4, 0);
}

/* Receivers die along the way: every message must still be accounted for exactly once
 * (received, refused at lookup, or freed with its dead receiver), or the run never stops. */
Test(sched, stress_messages_with_deaths_4_threads, .timeout = 120)
{
    chat_test(4, 300);
}

static void det_run(uint64_t seed, uint64_t *log, int *nlog)
{
    World *w = world_new(1, true, seed);
    w->keep_log = true;
    chat(w, 20, 100, 0);
    memcpy(log, w->log, sizeof w->log);
    *nlog = w->nlog;
    world_free(w);
}

Test(sched, deterministic_mode_replays_the_same_schedule)
{
    static uint64_t a[4096], b[4096], c[4096];
    int na, nb, nc;
    det_run(1, a, &na);
    det_run(1, b, &nb);
    det_run(2, c, &nc);
    cr_assert_eq(na, 2000);
    cr_assert_eq(nb, na);
    cr_assert_eq(memcmp(a, b, sizeof a), 0, "same seed, different receive order");
    cr_assert_neq(memcmp(a, c, sizeof a), 0, "different seeds gave the same order");
}
