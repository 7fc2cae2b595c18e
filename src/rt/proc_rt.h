/* proc_rt.h: the runtime's part of a process control block (DESIGN §5), meant to be embedded
 * in the VM's Process. Everything the mailbox, scheduler, pid table, registry, timers and
 * exit signals need lives here; the VM's part (arena, stack, reductions) does not.
 *
 * Fields are grouped by who may touch them. "Owner" is whichever scheduler thread is running
 * the process now (a process runs on one thread at a time; the run queue hand-off orders the
 * accesses of successive owners). A control block stays readable until the epoch layer frees
 * it (epoch.h), so any scheduler thread may read `pid` and push to `mb` through a pointer it
 * got from the pid table during its current slice.
 */
#ifndef EMBER_PROC_RT_H
#define EMBER_PROC_RT_H
#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "rt/epoch.h"
#include "rt/idmap.h"
#include "rt/mailbox.h"
#include "rt/timer.h"
#include "value/value.h"

/* What Process.info(pid, :status) reports. */
typedef enum ProcRtStatus {
    PROC_RT_RUNNABLE, /* in a run queue */
    PROC_RT_RUNNING,
    PROC_RT_WAITING,  /* asleep in receive */
    PROC_RT_EXITING   /* dead or dying: never runs again */
} ProcRtStatus;

/* Links and monitors of a process that has any (owner thread only; signal.h). */
typedef struct SigTables {
    IdMap links;    /* linked pid -> 0 */
    IdMap monitors; /* reference number -> pid, the monitors this process holds */
    IdMap watchers; /* reference number -> pid, the processes monitoring this one */
    IdMap named;    /* reference number -> atom, for monitors made by registered name */
} SigTables;

/* The receive timer of a process (owner thread only, but see `timer`): allocated the first time
 * a receive with `after` parks it, which most processes never do (a parked process costs
 * <= 512 bytes, DESIGN §5), and freed with the control block (proc_rt_destroy), because a
 * timer thread may still be firing it after it was cancelled, like the control block itself. */
typedef struct ProcTimer {
    Timer timer;            /* the receive timeout; fires SIG_TIMEOUT with wait_seq */
    struct ProcRt *owner;   /* the process it belongs to (for the firing callback) */
    int64_t armed_for;      /* deadline (ms) the timer is armed for, or -1 */
    uint32_t wait_seq;      /* numbers the receives that armed it, to drop stale timeouts */
} ProcTimer;

typedef struct ProcRt {
    /* Layout: a control block starts on a cache line (process.c), and everything another
     * thread writes or reads to reach this process (pid, status, the run-queue link, the
     * mailbox's head and stub) comes first, in that line; the mailbox's owner-only part
     * starts the next line, with the rest of the process. */
    /* any thread, read-only once the pid table publishes the process */
    Value pid;
    /* any thread, atomic (relaxed: informational, for Process.info) */
    _Atomic uint8_t status; /* ProcRtStatus */
    /* written under the registry lock, except registry_close's fast path (registry.c) */
    _Atomic bool reg_closed; /* exiting: no name may be registered for it any more (seq_cst) */
    /* owner thread only */
    bool trap_exit;
    bool timed_out;    /* the timer of receive number rtimer->wait_seq fired */
    /* written under the registry lock; registry_close reads it without */
    _Atomic uint32_t reg_name; /* atom index of its registered name, 0 = none (seq_cst) */
    /* owner thread only */
    SigTables *tables;  /* NULL until its first link or monitor (most processes have none) */
    ProcTimer *rtimer;  /* NULL until its first receive with `after` parks (proc_rt_timer) */
    /* A process is in a run queue (guarded by that queue's lock) or, once dead, in its
     * retiring thread's limbo list (owner of that list), never both. */
    union {
        struct ProcRt *rq_next;
        EpochNode retired;
    } link;
    /* any thread: the mailbox's head and stub (atomic); the rest of it is owner only */
    Mailbox mb;
} ProcRt;

_Static_assert(offsetof(ProcRt, mb.tail) == CACHE_LINE, "the owner-only mailbox fields start the second cache line");

/* Prepares `p` for a new process (pid 0 until the pid table assigns one): empty mailbox with
 * the scheduling token held by whoever spawns it, no links, monitors, name or timer. */
void proc_rt_init(ProcRt *p);

/* p's receive timer, allocated (unarmed, armed_for -1, wait_seq 0) on first use. Returns NULL
 * when out of memory. Owner thread only. */
ProcTimer *proc_rt_timer(ProcRt *p);

/* Frees what `p` allocated itself (its link and monitor tables, its receive timer). Queued signals are the
 * embedder's to free first. */
void proc_rt_destroy(ProcRt *p);

static inline ProcRtStatus proc_rt_status(const ProcRt *p)
{
    return (ProcRtStatus)atomic_load_explicit(&p->status, memory_order_relaxed);
}

static inline void proc_rt_set_status(ProcRt *p, ProcRtStatus s)
{
    atomic_store_explicit(&p->status, (uint8_t)s, memory_order_relaxed);
}

#endif
