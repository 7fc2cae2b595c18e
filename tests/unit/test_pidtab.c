/* Unit tests of src/rt/pidtab: pids, serials that tell dead pids from new ones, the process
 * limit, listing, and concurrent spawn/exit with lookups. */
#include <criterion/criterion.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdlib.h>

#include "rt/pidtab.h"

Test(pidtab, pids_find_their_process_until_freed)
{
    PidTab t;
    cr_assert_eq(pidtab_init(&t, 16), 0);
    ProcRt a, b;
    proc_rt_init(&a);
    proc_rt_init(&b);
    Value pa = pidtab_alloc(&t, &a), pb = pidtab_alloc(&t, &b);
    cr_assert(val_is_pid(pa) && val_is_pid(pb));
    cr_assert_neq(pa, pb);
    cr_assert_eq(a.pid, pa, "alloc must store the pid in the process");
    cr_assert_eq(val_pid_index(pb), val_pid_index(pa) + 1, "fresh pids should grow");
    cr_assert_eq(pidtab_lookup(&t, pa), &a);
    cr_assert_eq(pidtab_lookup(&t, pb), &b);
    cr_assert_eq(pidtab_count(&t), 2);
    pidtab_free(&t, pa);
    cr_assert_null(pidtab_lookup(&t, pa), "a freed pid must not be found");
    cr_assert_eq(pidtab_count(&t), 1);
    cr_assert_null(pidtab_lookup(&t, ATOM_OK), "an atom is not a pid");
    cr_assert_null(pidtab_lookup(&t, val_pid(15, 0)), "never allocated");
    cr_assert_null(pidtab_lookup(&t, val_pid(1000, 0)), "out of range");
    pidtab_destroy(&t);
}

Test(pidtab, limit_is_enforced_and_slots_are_reused_with_new_serials)
{
    enum { MAX = 4 };
    PidTab t;
    cr_assert_eq(pidtab_init(&t, MAX), 0);
    ProcRt p[MAX + 1];
    Value pid[MAX];
    for (int i = 0; i < MAX; i++) {
        proc_rt_init(&p[i]);
        pid[i] = pidtab_alloc(&t, &p[i]);
        cr_assert_neq(pid[i], 0);
    }
    proc_rt_init(&p[MAX]);
    cr_assert_eq(pidtab_alloc(&t, &p[MAX]), 0, "the limit of %d processes was not enforced", MAX);
    pidtab_free(&t, pid[1]);
    Value again = pidtab_alloc(&t, &p[MAX]);
    cr_assert_neq(again, 0, "a freed slot must make room at the limit");
    cr_assert_neq(again, pid[1], "a new process must not get the dead one's pid");
    cr_assert_null(pidtab_lookup(&t, pid[1]), "the old pid must not find the new process");
    cr_assert_eq(pidtab_lookup(&t, again), &p[MAX]);
    cr_assert_eq(pidtab_alloc(&t, &p[MAX]), 0, "the limit holds after a reuse");
    pidtab_destroy(&t);
}

/* One process at a time, spawned and freed many times: freed slots come back (with a new
 * serial, so the old pid stays dead), and the slot array stays small. */
Test(pidtab, freed_slots_are_reused_and_the_array_stays_bounded)
{
    PidTab t;
    cr_assert_eq(pidtab_init(&t, 8), 0);
    ProcRt p;
    uint32_t top = 0;
    bool reused = false;
    Value seen[4096] = {0};
    for (int r = 0; r < 200000; r++) {
        proc_rt_init(&p);
        Value pid = pidtab_alloc(&t, &p);
        cr_assert_neq(pid, 0);
        uint32_t i = val_pid_index(pid);
        cr_assert_lt(i, 4096u, "slot %u: freed slots are not being reused", i);
        if (seen[i] != 0) {
            reused = true;
            cr_assert_neq(val_pid_serial(pid), val_pid_serial(seen[i]), "same serial on reuse");
        }
        seen[i] = pid;
        top = i > top ? i : top;
        pidtab_free(&t, pid);
        cr_assert_null(pidtab_lookup(&t, pid));
    }
    cr_assert(reused, "no slot was ever reused (highest index %u)", top);
    pidtab_destroy(&t);
}

/* The free ring starts small and doubles in place: freed slots still come back oldest first
 * when it has wrapped round and then grown. */
#define RING_N 12000
static ProcRt rprocs[2 * RING_N];
static int32_t freed_at[4 * RING_N + PIDTAB_SLACK]; /* by slot: when it was freed, or -1 */
static int32_t nfreed, last_reused, nreused;

/* Frees `pid`, noting when. */
static void free_noting(PidTab *t, Value pid)
{
    freed_at[val_pid_index(pid)] = nfreed++;
    pidtab_free(t, pid);
}

/* Spawns rprocs[k]; a slot that comes back must have been freed after the one before it. */
static void spawn_checking_order(PidTab *t, int k)
{
    proc_rt_init(&rprocs[k]);
    uint32_t i = val_pid_index(pidtab_alloc(t, &rprocs[k]));
    if (freed_at[i] < 0)
        return;
    cr_assert_gt(freed_at[i], last_reused, "slot %u came back out of order", i);
    last_reused = freed_at[i];
    freed_at[i] = -1;
    nreused++;
}

Test(pidtab, freed_slots_come_back_oldest_first_across_ring_growth)
{
    PidTab t;
    cr_assert_eq(pidtab_init(&t, 4 * RING_N), 0);
    static Value pids[RING_N];
    for (uint32_t i = 0; i < 4 * RING_N + PIDTAB_SLACK; i++)
        freed_at[i] = -1;
    nfreed = nreused = 0;
    last_reused = -1;
    for (int i = 0; i < RING_N; i++) {
        proc_rt_init(&rprocs[i]);
        pids[i] = pidtab_alloc(&t, &rprocs[i]);
        cr_assert_neq(pids[i], 0);
    }
    /* Free a quarter, reuse some of it (the ring's start moves on), then free the rest in a
     * scrambled order, so the ring wraps round before it has to grow. */
    for (int i = 0; i < RING_N / 4; i++)
        free_noting(&t, pids[i]);
    int next_proc = RING_N;
    for (int i = 0; i < RING_N / 8; i++)
        spawn_checking_order(&t, next_proc++);
    for (int j = 0; j < RING_N - RING_N / 4; j++)
        free_noting(&t, pids[RING_N / 4 + (int)(((uint32_t)j * 7919u) %
                                                (uint32_t)(RING_N - RING_N / 4))]);
    while (next_proc < 2 * RING_N)
        spawn_checking_order(&t, next_proc++);
    /* All but the last ~REUSE_AFTER freed slots (and one cached batch) were reused. */
    cr_assert_gt(nreused, RING_N - 1024 - 2 * (int)PIDTAB_BATCH, "only %d of %d reused",
                 nreused, RING_N);
    pidtab_destroy(&t);
}

/* Credit reserved in batches by one thread must not make another hit the limit early: a
 * helper thread spawns and frees processes (keeping credit in its cache), then this thread
 * fills the table to exactly `max`. */
#define CREDIT_MAX 20000u
static PidTab ct;
static ProcRt cprocs[CREDIT_MAX + 1];

static void *spawn_and_free(void *arg)
{
    (void)arg;
    Value pids[300];
    for (int round = 0; round < 50; round++) {
        for (int i = 0; i < 300; i++) {
            proc_rt_init(&cprocs[i]);
            pids[i] = pidtab_alloc(&ct, &cprocs[i]);
            cr_assert_neq(pids[i], 0);
        }
        for (int i = 0; i < 300; i++)
            pidtab_free(&ct, pids[i]);
    }
    return NULL;
}

Test(pidtab, limit_is_exact_while_other_threads_hold_credit)
{
    cr_assert_eq(pidtab_init(&ct, CREDIT_MAX), 0);
    pthread_t th;
    pthread_create(&th, NULL, spawn_and_free, NULL);
    pthread_join(th, NULL);
    cr_assert_eq(pidtab_count(&ct), 0, "all were freed");
    for (uint32_t i = 0; i < CREDIT_MAX; i++) {
        proc_rt_init(&cprocs[i]);
        cr_assert_neq(pidtab_alloc(&ct, &cprocs[i]), 0, "spawn %u of %u refused", i + 1,
                      CREDIT_MAX);
    }
    cr_assert_eq(pidtab_count(&ct), CREDIT_MAX);
    proc_rt_init(&cprocs[CREDIT_MAX]);
    cr_assert_eq(pidtab_alloc(&ct, &cprocs[CREDIT_MAX]), 0, "the limit was not enforced");
    pidtab_destroy(&ct);
}

Test(pidtab, list_returns_live_pids_in_index_order)
{
    PidTab t;
    cr_assert_eq(pidtab_init(&t, 100), 0);
    ProcRt p[5];
    Value pid[5];
    for (int i = 0; i < 5; i++) {
        proc_rt_init(&p[i]);
        pid[i] = pidtab_alloc(&t, &p[i]);
    }
    pidtab_free(&t, pid[2]);
    Value out[8];
    cr_assert_eq(pidtab_list(&t, out, 8), 4);
    Value want[4] = {pid[0], pid[1], pid[3], pid[4]};
    for (int i = 0; i < 4; i++)
        cr_assert_eq(out[i], want[i], "position %d differs", i);
    cr_assert_eq(pidtab_list(&t, out, 2), 4, "count must include pids that did not fit");
    pidtab_destroy(&t);
}

Test(pidtab, rejects_bad_limits)
{
    PidTab t;
    cr_assert_eq(pidtab_init(&t, 0), -1);
    cr_assert_eq(pidtab_init(&t, PIDTAB_INDEX_LIMIT + 1), -1);
    cr_assert_eq(pidtab_init(&t, PIDTAB_INDEX_LIMIT - PIDTAB_SLACK + 1), -1);
}

/* ---- stress: threads spawn and free their own processes while looking up everyone's. As in
 * the runtime, a control block is never reused for another process while others may read it
 * (there the epoch layer ensures it; here each round takes a new one). ---- */
#define THREADS 4
#define ROUNDS 10000
#define LIVE 64

static PidTab st;
static ProcRt *procs[THREADS];
static _Atomic Value published[THREADS][LIVE];

static void *churn(void *arg)
{
    int me = (int)(intptr_t)arg;
    unsigned seed = (unsigned)me + 1;
    for (int r = 0; r < ROUNDS; r++) {
        int k = r % LIVE;
        Value old = atomic_load(&published[me][k]);
        if (old != 0) {
            cr_assert_eq(pidtab_lookup(&st, old), &procs[me][r - LIVE], "own live pid not found");
            atomic_store(&published[me][k], 0);
            pidtab_free(&st, old);
            cr_assert_null(pidtab_lookup(&st, old), "freed pid still found");
        }
        ProcRt *p = &procs[me][r];
        proc_rt_init(p);
        Value pid = pidtab_alloc(&st, p);
        cr_assert_neq(pid, 0, "the table should not be full");
        atomic_store(&published[me][k], pid);
        /* Someone else's pid: found only as itself, or not at all. */
        Value other = atomic_load(&published[rand_r(&seed) % THREADS][rand_r(&seed) % LIVE]);
        ProcRt *q = other ? pidtab_lookup(&st, other) : NULL;
        cr_assert(q == NULL || q->pid == other, "lookup returned another process");
    }
    return NULL;
}

Test(pidtab, stress_concurrent_alloc_free_lookup, .timeout = 60)
{
    cr_assert_eq(pidtab_init(&st, THREADS * LIVE + 8), 0);
    pthread_t th[THREADS];
    for (int i = 0; i < THREADS; i++)
        procs[i] = calloc(ROUNDS, sizeof(ProcRt));
    for (int i = 0; i < THREADS; i++)
        pthread_create(&th[i], NULL, churn, (void *)(intptr_t)i);
    for (int i = 0; i < THREADS; i++)
        pthread_join(th[i], NULL);
    cr_assert_eq(pidtab_count(&st), THREADS * LIVE);
    pidtab_destroy(&st);
    for (int i = 0; i < THREADS; i++)
        free(procs[i]);
}
