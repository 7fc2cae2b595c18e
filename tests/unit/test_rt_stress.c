/* A stress test of the runtime as a whole, without the VM: scheduler, mailboxes, pid table,
 * epochs and signals together, on 4 threads. Fake processes send numbered messages to random
 * others, link to them, kill them, spawn replacements and exit; some trap exits. Checks, under
 * TSan and ASan: every message reaching a live receiver is received once and in order per
 * sender, and every message sent is accounted for exactly once (received, refused because the
 * receiver was dead, or freed with a dead receiver's mailbox). */
#include <criterion/criterion.h>
#include <stddef.h>
#include <stdlib.h>

#include "rt/signal.h"

#define SLOTS 512       /* processes alive at once (a dead one is replaced) */
#define ACTIONS 200     /* actions per process before it only receives */
#define MAX_PROCS 30000 /* processes ever spawned, for the order table */

typedef struct Fake {
    ProcRt rt; /* first */
    uint32_t id;
    uint32_t slot; /* its place in World.slot, taken by its replacement */
    int actions;
    unsigned rng;
    uint32_t next_seq; /* numbers its messages */
    Signal *die;       /* carries the exit reason from run() to exited() */
} Fake;

typedef struct World {
    PidTab pids;
    Sched sched;
    Registry reg;
    SigEnv env;
    _Atomic Value slot[SLOTS]; /* a pid per slot, for picking random targets */
    atomic_uint spawned;
    atomic_int active; /* processes with actions left */
    atomic_long sent, received, refused, freed;
    atomic_long killed, trapped_exits;
} World;

static World *W;

/* ---- the value layer stand-in: payloads are immediates, no copies ---- */

static Signal *ops_make(void *ctx, SigKind kind, Value from, Value v, uint64_t ref)
{
    (void)ctx;
    Signal *s = calloc(1, sizeof *s + SIGNAL_META_WORDS * sizeof(Value));
    if (s == NULL)
        return NULL;
    s->kind = (uint8_t)kind;
    signal_set_meta(s, from, ref);
    s->payload = v;
    return s;
}

static void ops_free(void *ctx, Signal *s)
{
    (void)ctx;
    if (s->kind == SIG_MESSAGE && s->aux == 0)
        atomic_fetch_add(&W->freed, 1); /* a user message that never got received */
    free(s);
}

static bool ops_to_message(void *ctx, ProcRt *self, Signal *s)
{
    (void)ctx, (void)self;
    s->aux = s->kind;
    s->kind = SIG_MESSAGE;
    return true;
}

/* ---- per-(sender, receiver) order: the receiver keeps the last number from each sender
 * in a small open table (receivers see few distinct senders) ---- */

typedef struct Seen {
    uint32_t sender[64];
    uint32_t seq[64];
} Seen;

static Seen *seen; /* one per process id */

static void check_order(uint32_t receiver, uint32_t sender, uint32_t seq)
{
    Seen *t = &seen[receiver];
    uint32_t h = sender % 64;
    for (uint32_t i = 0; i < 64; i++, h = (h + 1) % 64) {
        if (t->sender[h] == sender + 1) {
            cr_assert_gt(seq, t->seq[h], "process %u got #%u from %u after #%u", receiver, seq,
                         sender, t->seq[h]);
            t->seq[h] = seq;
            return;
        }
        if (t->sender[h] == 0) {
            t->sender[h] = sender + 1;
            t->seq[h] = seq;
            return;
        }
    }
    /* table full: this pair goes unchecked (rare with 64 entries) */
}

static void spawn_into(uint32_t slot);

static Value random_target(Fake *f)
{
    return atomic_load(&W->slot[(uint32_t)rand_r(&f->rng) % SLOTS]);
}

/* One random action of a process; returns a signal if it must exit (exit(self, reason)). */
static Signal *act(Fake *f)
{
    uint32_t r = (uint32_t)rand_r(&f->rng) % 100;
    Value to = random_target(f);
    if (r < 70) {
        uint64_t ref = ((uint64_t)f->id << 32) | ++f->next_seq;
        Signal *s = ops_make(NULL, SIG_MESSAGE, f->rt.pid, val_small(1), ref);
        cr_assert_not_null(s);
        atomic_fetch_add(&W->sent, 1);
        if (signal_push(&W->env, to, s) == SIG_NOPROC)
            atomic_fetch_sub(&W->freed, 1), atomic_fetch_add(&W->refused, 1);
    } else if (r < 80) {
        if (signal_link(&W->env, &f->rt, to) == SIG_NO_MEMORY)
            cr_assert_fail("out of memory");
    } else if (r < 85) {
        signal_unlink(&W->env, &f->rt, to);
    } else if (r < 90) {
        cr_assert(signal_monitor(&W->env, &f->rt, to, (uint64_t)rand_r(&f->rng) + 1, 0) == SIG_OK);
    } else if (r < 93) {
        Value reason = r % 2 ? ATOM_KILL : val_atom(ATOM_FIXED_COUNT + 3);
        return signal_exit(&W->env, &f->rt, to, reason);
    } else if (r < 95) {
        signal_trap_exit(&f->rt, !f->rt.trap_exit);
    } else if (r < 97) {
        return ops_make(NULL, SIG_EXIT, f->rt.pid, ATOM_NORMAL, 0); /* exit(:normal) */
    }
    return NULL;
}

static void receive_all(Fake *f)
{
    Signal *s;
    mailbox_recv_begin(&f->rt.mb);
    while ((s = mailbox_recv_peek(&f->rt.mb)) != NULL) {
        s = mailbox_recv_take(&f->rt.mb);
        if (s->aux == 0) {
            check_order(f->id, (uint32_t)(signal_ref(s) >> 32), (uint32_t)signal_ref(s));
            atomic_fetch_add(&W->received, 1);
        } else if (s->aux == SIG_EXIT_LINKED || s->aux == SIG_EXIT) {
            atomic_fetch_add(&W->trapped_exits, 1);
        }
        free(s); /* received: not counted as freed */
    }
}

static void finished_acting(Fake *f)
{
    f->actions = -1;
    if (atomic_fetch_sub(&W->active, 1) == 1)
        sched_stop(&W->sched);
}

static RunResult run(void *ctx, ProcRt *p, uint32_t budget)
{
    (void)ctx, (void)budget;
    Fake *f = (Fake *)p;
    Signal *die = signal_drain(&W->env, p);
    if (die == NULL) {
        receive_all(f);
        for (int i = 0; i < 3 && f->actions > 0 && die == NULL; i++, f->actions--)
            die = act(f);
        if (f->actions == 0)
            finished_acting(f);
    }
    if (die != NULL) {
        f->die = die;
        return RUN_EXIT;
    }
    return f->actions > 0 ? RUN_YIELD : RUN_WAIT;
}

static void exited(void *ctx, ProcRt *p)
{
    (void)ctx;
    Fake *f = (Fake *)p;
    Signal *die = f->die;
    if (die->payload == ATOM_KILLED)
        atomic_fetch_add(&W->killed, 1);
    signal_process_exit(&W->env, p, die->payload);
    free(die);
    if (f->actions > 0)
        finished_acting(f);
    /* Keep the population up: a replacement takes its slot. */
    if (atomic_load(&W->spawned) < MAX_PROCS)
        spawn_into(f->slot);
}

static void reclaim(void *ctx, ProcRt *p)
{
    (void)ctx;
    signal_drain_dead(&W->env, p);
    proc_rt_destroy(p);
    free(p);
}

static void spawn_into(uint32_t slot)
{
    uint32_t id = atomic_fetch_add(&W->spawned, 1);
    if (id >= MAX_PROCS)
        return;
    Fake *f = calloc(1, sizeof *f);
    cr_assert_not_null(f);
    proc_rt_init(&f->rt);
    f->id = id;
    f->slot = slot;
    f->actions = ACTIONS;
    f->rng = id * 7919u + 1;
    cr_assert_neq(pidtab_alloc(&W->pids, &f->rt), 0);
    atomic_fetch_add(&W->active, 1);
    atomic_store(&W->slot[slot], f->rt.pid);
    sched_enqueue(&W->sched, &f->rt);
}

/* Frees processes still alive after the run; their queued messages count as freed. */
static void teardown_live(void)
{
    Value live[256];
    uint32_t n;
    while ((n = pidtab_list(&W->pids, live, 256)) > 0) {
        for (uint32_t i = 0; i < n && i < 256; i++) {
            ProcRt *p = pidtab_lookup(&W->pids, live[i]);
            pidtab_free(&W->pids, live[i]);
            Signal *s;
            while ((s = mailbox_pop(&p->mb)) != NULL)
                ops_free(NULL, s);
            mailbox_recv_begin(&p->mb);
            while (mailbox_recv_peek(&p->mb) != NULL) {
                s = mailbox_recv_take(&p->mb);
                if (s->aux == 0)
                    atomic_fetch_add(&W->freed, 1);
                free(s);
            }
            proc_rt_destroy(p);
            free(p);
        }
    }
}

static void stress(uint32_t threads)
{
    W = calloc(1, sizeof *W);
    seen = calloc(MAX_PROCS, sizeof *seen);
    cr_assert(W != NULL && seen != NULL);
    cr_assert_eq(pidtab_init(&W->pids, 4 * SLOTS), 0);
    cr_assert_eq(registry_init(&W->reg), 0);
    SchedConfig cfg = {.threads = threads, .run = run, .exited = exited, .reclaim = reclaim};
    cr_assert_eq(sched_init(&W->sched, &cfg), 0);
    W->env = (SigEnv){&W->pids, &W->sched, &W->reg, {ops_make, ops_free, ops_to_message}, NULL};
    for (uint32_t i = 0; i < SLOTS; i++)
        spawn_into(i);
    cr_assert_eq(sched_run(&W->sched), 0);
    sched_destroy(&W->sched); /* reclaims the dead: their queued messages count as freed */
    teardown_live();
    long sent = atomic_load(&W->sent), got = atomic_load(&W->received);
    long refused = atomic_load(&W->refused), freed = atomic_load(&W->freed);
    cr_log_info("sent %ld received %ld refused %ld freed %ld killed %ld trapped %ld spawned %u", sent, got, refused, freed, (long)atomic_load(&W->killed), (long)atomic_load(&W->trapped_exits), atomic_load(&W->spawned));
    cr_assert_gt(got, 0);
    cr_assert_gt(atomic_load(&W->killed), 0, "no process was killed: the test tests little");
    cr_assert_eq(sent, got + refused + freed,
                 "sent %ld messages: %ld received + %ld refused + %ld freed = %ld", sent, got,
                 refused, freed, got + refused + freed);
    registry_destroy(&W->reg);
    pidtab_destroy(&W->pids);
    free(seen);
    free(W);
}

Test(rt_stress, messages_links_kills_1_thread, .timeout = 120) { stress(1); }
Test(rt_stress, messages_links_kills_4_threads, .timeout = 120) { stress(4); }
