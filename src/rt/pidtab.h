/* pidtab.h: the pid table (DESIGN §5): pid -> process, as BEAM's process table.
 *
 * Owns: the slots, which index is free, and each slot's serial. A pid is val_pid(index,
 * serial); freeing a slot bumps its serial, so a dead process's pid never finds the next
 * process in the same slot. Does not own: the processes (their memory is freed through the
 * epoch layer, after pidtab_free).
 * Invariants: at most `max` processes at once. Lookups take no lock: a slot holds a pointer
 * to its process (seq_cst, see epoch.c) and the process's own immutable pid tells a stale
 * pid from the current one. Allocation and freeing take the table's mutex, held only for a
 * few word updates. Fresh indexes are handed out in increasing order (pids grow as on BEAM);
 * freed ones are reused oldest first once enough have piled up, so the slot array only grows
 * with the peak number of live processes.
 */
#ifndef EMBER_PIDTAB_H
#define EMBER_PIDTAB_H
#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>

#include "rt/proc_rt.h"

#define PIDTAB_DEFAULT_MAX 1048576u  /* BEAM's default process limit */
#define PIDTAB_INDEX_LIMIT 0x0fffffffu /* 28 bits of index in a pid */

typedef struct PidSlot {
    _Atomic(ProcRt *) proc; /* any thread, atomic */
    /* guarded by the table lock */
    uint32_t serial;
    uint32_t next_free;
} PidSlot;

typedef struct PidTab {
    PidSlot *slots; /* `max` slots, zero pages until first used */
    uint32_t max;
    pthread_mutex_t lock; /* guards the fields below and the slots' serial/next_free */
    uint32_t fresh;       /* slots [0, fresh) have been used */
    uint32_t free_head, free_tail, nfree;
    /* any thread, atomic (written under lock) */
    _Atomic uint32_t count;
} PidTab;

/* Sets up a table for at most `max` (1..PIDTAB_INDEX_LIMIT) live processes. Returns 0, or -1
 * if `max` is out of range or memory ran out. */
MUST_CHECK int pidtab_init(PidTab *t, uint32_t max);

/* Frees the table (not the processes still in it). */
void pidtab_destroy(PidTab *t);

/* Gives `p` a pid (stored in p->pid) and publishes it. Any thread. Returns the pid, or 0 if
 * `max` processes are alive (the caller raises SystemLimitError, as BEAM's system_limit). */
MUST_CHECK Value pidtab_alloc(PidTab *t, ProcRt *p);

/* Unpublishes the process of `pid` (must be alive in the table): from now on lookups of
 * `pid` fail and the slot may be reused. Call before retiring the process (epoch.h). */
void pidtab_free(PidTab *t, Value pid);

/* The live process with this pid, or NULL (dead, never existed, or not a local pid).
 * Lock-free; the pointer stays valid until the caller's next quiescent point (epoch.h). */
static inline ProcRt *pidtab_lookup(PidTab *t, Value pid)
{
    uint32_t i = val_pid_index(pid);
    if (!val_is_pid(pid) || i >= t->max)
        return NULL;
    ProcRt *p = atomic_load(&t->slots[i].proc); /* seq_cst: pairs with pidtab_free */
    return p != NULL && p->pid == pid ? p : NULL;
}

/* Live processes now (a snapshot). */
static inline uint32_t pidtab_count(PidTab *t)
{
    return atomic_load_explicit(&t->count, memory_order_relaxed);
}

/* Writes up to `cap` live pids, in index order, to `out`; returns how many exist in all
 * (may exceed `cap`). For Process.list/0; a snapshot, processes may come and go meanwhile.
 * The caller must be online (epoch.h): it reads the processes' pids. */
uint32_t pidtab_list(PidTab *t, Value *out, uint32_t cap);

#endif
