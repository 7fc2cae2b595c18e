/* sched.h: the scheduler (DESIGN §4-5): N worker threads run processes in slices of a
 * reduction budget, as BEAM's schedulers.
 *
 * Owns: the worker threads, one run queue and one timer heap per worker, stealing, parking,
 * the epoch domain (epoch.h) and the deterministic mode. Does not own: what a process is or
 * does; it is generic over the `run` callback (the VM), which runs one slice, and the `exited`
 * and `reclaim` callbacks, which tear a dead process down and free it.
 * Invariants:
 * - A process is scheduled (in one run queue, or running on one worker) only while it holds
 *   its token (mailbox.h): whoever spawns it, or the sender told it was asleep, enqueues it.
 * - A worker with nothing to run steals, then parks on its condition variable; it is woken by
 *   new work or its nearest timer, never by polling, so an idle runtime uses no CPU.
 * - Between two slices a worker holds no pointer to any process (a quiescent point, epoch.h);
 *   a parked worker is offline.
 * - Deterministic mode (one worker, a seed): slice budgets, run-queue picks and the clock
 *   (virtual, advanced per slice) depend only on the seed and the program, so a run replays.
 * Design notes: SCHED.md.
 */
#ifndef EMBER_SCHED_H
#define EMBER_SCHED_H
#include <pthread.h>
#include <sched.h>
#include <stdalign.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdint.h>

#include "rt/cacheline.h"
#include "rt/epoch.h"
#include "rt/outbox.h"
#include "rt/proc_rt.h"
#include "rt/timer.h"

#define SCHED_DEFAULT_BUDGET 4000u /* reductions per slice, as BEAM */
#define SCHED_MAX_THREADS 1024u

/* How a slice ended. */
typedef enum RunResult {
    RUN_YIELD, /* budget spent (or a voluntary yield): run again later */
    RUN_WAIT,  /* waiting in receive with nothing to match: sleep until a signal arrives */
    RUN_EXIT   /* the process is done: tear it down */
} RunResult;

/* Runs `p` for at most `budget` reductions (the embedder's VM). */
typedef RunResult (*SchedRunFn)(void *ctx, ProcRt *p, uint32_t budget);
/* `p` returned RUN_EXIT: the embedder sends its exit signals, frees its heap and frees its
 * pid (pidtab_free). Afterwards the scheduler retires it; it must not be reachable any more. */
typedef void (*SchedExitFn)(void *ctx, ProcRt *p);
/* No thread can read `p` any more: free it (after freeing signals still in its mailbox). */
typedef void (*SchedReclaimFn)(void *ctx, ProcRt *p);

typedef struct SchedConfig {
    uint32_t threads;   /* worker threads, >= 1 (1 in deterministic mode) */
    uint32_t budget;    /* reductions per slice; 0 = SCHED_DEFAULT_BUDGET */
    bool deterministic; /* replayable schedule from `seed` */
    bool unbound;       /* leave the worker threads where the OS puts them (see sched_run) */
    uint64_t seed;
    SchedRunFn run;
    SchedExitFn exited;
    SchedReclaimFn reclaim;
    void *ctx; /* passed to the callbacks */
} SchedConfig;

typedef struct Sched Sched;

/* A list of processes linked through ProcRt.link.rq_next. */
typedef struct ProcList {
    ProcRt *head, *tail;
    uint32_t n;
} ProcList;

/* A worker's run queue, two lists (SCHED.md "Run queues and stealing"): `fresh`, the
 * processes that slices run here spawned, each slice's batch in front of the older ones (so a
 * tree of processes is walked depth first), and `fifo`, everything else (woken and preempted
 * processes, work from other workers and threads) in arrival order. */
typedef struct RunQueue {
    pthread_mutex_t lock;
    /* guarded by lock */
    ProcList fresh, fifo;
    uint32_t fresh_since; /* the owner's pick number when `fresh` last became non-empty */
    /* any thread, atomic: length of both, stored under lock (seq_cst: see park() in sched.c) */
    _Atomic uint32_t len;
    /* any thread, atomic (relaxed): set when a producer's worker hands consumers over
     * (hand_off), taken by the owner when it runs out of work (SCHED.md "Parking") */
    _Atomic bool fed;
} RunQueue;

/* Each on its own cache lines (the array is allocated aligned): a worker's run queue and
 * parking state are written by other threads, and neighbours must not share those lines. */
typedef struct Worker {
    /* set at init, read-only after */
    alignas(CACHE_LINE) Sched *s;
    uint32_t id;
    pthread_t thread;
    /* any thread (own locks) */
    RunQueue rq;
    TimerHeap timers;
    /* guarded by s->park_lock */
    pthread_cond_t wake;
    bool parked;
    bool poked; /* told to look again (new work, an earlier timer, stop) */
    /* owner thread only */
    ProcRt *next;         /* runs before the queue: the process last woken here */
    ProcList pend_new;   /* spawned during this slice: to `fresh` when it ends */
    ProcList pend_woken; /* woken during this slice beyond `next`: to `fifo` when it ends */
    uint32_t next_streak; /* processes taken from `next` in a row */
    uint32_t help;        /* the last slice outran its consumers: run this many of theirs first */
    uint32_t picks;       /* processes picked to run so far (wraps) */
    uint32_t since_quiescent; /* slices run since the last epoch_quiescent */
    uint64_t rng;
    EpochThread *ep;
    Outbox out; /* messages the running process sent this slice (outbox.h) */
} Worker;

struct Sched {
    /* set at init, read-only after */
    SchedConfig cfg;
    Worker *workers;
    uint32_t nworkers;
    uint64_t real_start; /* timer_now_ms() at init (deterministic clock anchor) */
    EpochDomain epoch;
    EpochThread *epoch_threads;
    cpu_set_t cpus; /* where the workers are bound: the process's CPUs at init */
    uint32_t ncpus; /* how many; 0 = the workers are not bound */
    /* any thread, atomic */
    _Atomic bool stop;
    _Atomic uint32_t nparked; /* seq_cst: see park() in sched.c */
    _Atomic uint32_t next_external; /* round-robin target for enqueues from non-workers */
    /* guarded by park_lock: every worker's parked/poked; leaf lock, never held while running */
    pthread_mutex_t park_lock;
    /* owner (the single worker) only, deterministic mode */
    uint64_t vclock_us;
};

/* Sets up `s` (workers not started yet). Returns 0, or -1 on a bad config (threads 0 or over
 * SCHED_MAX_THREADS, deterministic with threads != 1, missing callback) or out of memory. */
MUST_CHECK int sched_init(Sched *s, const SchedConfig *cfg);

/* Runs the scheduler: the calling thread becomes worker 0 and the others are started.
 * With two workers or more and two CPUs or more, worker i is bound to the i-th CPU the process
 * may run on (modulo their number), as BEAM's `+sbt db` (SCHED.md "Binding"), unless
 * `cfg.unbound`; the calling thread gets its own CPU mask back before this returns.
 * Returns 0 once sched_stop was called and every worker has finished its slice and exited,
 * or -1 at once if a worker thread could not be started. Processes still alive stay where
 * they are (the embedder tears them down). */
MUST_CHECK int sched_run(Sched *s);

/* Asks every worker to stop after its current slice (any thread, e.g. the exit of the main
 * process). Idempotent. */
void sched_stop(Sched *s);

/* Frees what sched_init made and reclaims every retired process. Call after sched_run. */
void sched_destroy(Sched *s);

/* Makes `p` runnable: the caller holds its token (it just spawned it, or mailbox_push told it
 * the owner was asleep). From a worker, `p` runs next on that worker (the process it displaces
 * goes to the queue); from another thread it goes to a worker chosen round-robin. Wakes a
 * parked worker if there is more work than this worker can start on next. */
void sched_enqueue(Sched *s, ProcRt *p);

/* Makes `p`, just spawned, runnable (the caller holds its token): from a worker, it runs
 * after the processes spawned before it in the same slice and before older work, as BEAM
 * runs a parent's children in the order it spawned them, while a tree of processes is walked
 * depth first (skynet keeps thousands, not a million, alive); from another thread, as
 * sched_enqueue. */
void sched_enqueue_new(Sched *s, ProcRt *p);

/* The worker the calling thread is, or NULL (not a scheduler thread). */
Worker *sched_current(void);

/* Now in ms on the scheduler's clock (timer_now_ms, or virtual in deterministic mode). */
uint64_t sched_now(Sched *s);

/* Arms `t` on the calling worker's timer heap (worker 0's from other threads) to call
 * fire(t, data) at `deadline` ms on sched_now's clock. Returns 0, or -1 if out of memory.
 * Cancel with timer_cancel(t, sched_now(s)). */
MUST_CHECK int sched_timer_start(Sched *s, Timer *t, uint64_t deadline, TimerFireFn fire,
                                 uint64_t data);

/* The calling worker's epoch thread, for epoch_retire (NULL outside workers). */
static inline EpochThread *sched_epoch_thread(void)
{
    Worker *w = sched_current();
    return w != NULL ? w->ep : NULL;
}

#endif
