/* pidtab.h: the pid table (DESIGN §5): pid -> process, as BEAM's process table.
 *
 * Owns: the slots, which index is free, and each slot's serial. A pid is val_pid(index,
 * serial); freeing a slot bumps its serial, so a dead process's pid never finds the next
 * process in the same slot. Does not own: the processes (their memory is freed through the
 * epoch layer, after pidtab_free).
 * Invariants: at most `max` processes at once. Lookups take no lock: a slot holds a pointer
 * to its process (seq_cst, see epoch.c) and the process's own immutable pid tells a stale
 * pid from the current one. Fresh indexes are handed out in increasing order (pids grow as on
 * BEAM); freed ones are reused oldest first once enough have piled up, so the slot array only
 * grows with the peak number of live processes (plus PIDTAB_SLACK).
 * Spawning and exiting on several scheduler threads at once must not serialise on one lock
 * or one contended counter: each thread (up to PIDTAB_CACHING_THREADS per table) has a cache
 * in the table with up to PIDTAB_BATCH freed indexes, PIDTAB_BATCH indexes ready to hand out,
 * and credit: process-count units it reserved from `count` in a batch. The shared lock and
 * counter are touched once per batch. Indexes parked in caches are why the array has
 * PIDTAB_SLACK slots beyond `max`; a spawn that finds no credit left takes back every
 * thread's unused credit before it reports the table full, so the limit is exact.
 */
#ifndef EMBER_PIDTAB_H
#define EMBER_PIDTAB_H
#include <pthread.h>
#include <stdalign.h>
#include <stdatomic.h>
#include <stdint.h>

#include "rt/cacheline.h"
#include "rt/proc_rt.h"

#define PIDTAB_DEFAULT_MAX 1048576u  /* BEAM's default process limit */
#define PIDTAB_INDEX_LIMIT 0x0fffffffu /* 28 bits of index in a pid */
#define PIDTAB_BATCH 64u              /* indexes a thread caches per list */
#define PIDTAB_CACHING_THREADS 64u    /* threads per table with a cache; the rest take the lock */
/* Slots beyond `max`: an index parked in one thread's cache cannot serve another, so the
 * array is this much larger than the limit (slots never used cost no memory). */
#define PIDTAB_SLACK (2u * PIDTAB_BATCH * PIDTAB_CACHING_THREADS)

typedef struct PidSlot {
    _Atomic(ProcRt *) proc; /* any thread, atomic */
    /* written by whoever holds the free index (the freeing thread, its cache, then the table
     * lock); read by pidtab_lookup on any thread (relaxed) */
    _Atomic uint32_t serial;
} PidSlot;

/* One thread's share of a table (see above), on its own cache lines. */
typedef struct PidCache {
    /* owner thread; taken back by any thread with an exchange */
    alignas(CACHE_LINE) _Atomic uint32_t credit;
    /* owner thread only */
    uint32_t nfreed, nready;
    uint32_t freed[PIDTAB_BATCH], ready[PIDTAB_BATCH]; /* ready: a stack, next on top */
} PidCache;

typedef struct PidTab {
    /* set at init, read-only after */
    PidSlot *slots; /* `nslots` slots, zero pages until first used */
    uint32_t max;    /* live processes at most (BEAM's +P) */
    uint32_t nslots; /* max + PIDTAB_SLACK */
    uint64_t id;     /* tells a thread which table its cache number belongs to */
    PidCache *caches; /* PIDTAB_CACHING_THREADS of them */
    /* guards the free list: a ring of the first `ring_cap` entries of free_ring (a power of 2,
     * doubled in place when full, up to ring_max >= nslots), oldest at free_at */
    alignas(CACHE_LINE) pthread_mutex_t lock;
    uint32_t *free_ring; /* ring_max entries, zero pages until used, like slots */
    uint32_t free_at, ring_cap, ring_max;
    /* any thread, atomic, each on its own line */
    alignas(CACHE_LINE) _Atomic uint32_t nfree; /* indexes in the free ring (written under lock) */
    alignas(CACHE_LINE) _Atomic uint32_t fresh; /* slots [0, fresh) have been handed out */
    alignas(CACHE_LINE) _Atomic uint32_t count; /* live processes plus the caches' credit */
    alignas(CACHE_LINE) _Atomic uint32_t ncaches; /* caches claimed by threads */
} PidTab;

/* Sets up a table for at most `max` (1..PIDTAB_INDEX_LIMIT - PIDTAB_SLACK) live processes.
 * Returns 0, or -1 if `max` is out of range or memory ran out. */
MUST_CHECK int pidtab_init(PidTab *t, uint32_t max);

/* Frees the table (not the processes still in it). A thread that later uses another table
 * drops the indexes it cached for this one. */
void pidtab_destroy(PidTab *t);

/* Gives `p` a pid (stored in p->pid) and publishes it. Any thread. Returns the pid, or 0 if
 * `max` processes are alive (the caller raises SystemLimitError, as BEAM's system_limit). */
MUST_CHECK Value pidtab_alloc(PidTab *t, ProcRt *p);

/* Unpublishes the process of `pid` (must be alive in the table): from now on lookups of
 * `pid` fail and the slot may be reused. Call before retiring the process (epoch.h). */
void pidtab_free(PidTab *t, Value pid);

/* The live process with this pid, or NULL (dead, never existed, or not a local pid).
 * Lock-free; the pointer stays valid until the caller's next quiescent point (epoch.h).
 * It reads only the slot, whose line no process writes while it lives: the process's own
 * first line (its pid, status and mailbox head) is written by its thread every slice, and a
 * sender feeding processes on another core missed on it once per receiver per slice. A slot
 * whose process is replaced has a new serial (pidtab_free) written before the new process is
 * published (pidtab_alloc, release), so a lookup that finds the new process sees the new
 * serial and answers NULL for an old pid. */
static inline ProcRt *pidtab_lookup(PidTab *t, Value pid)
{
    uint32_t i = val_pid_index(pid);
    if (!val_is_pid(pid) || i >= t->nslots)
        return NULL;
    ProcRt *p = atomic_load(&t->slots[i].proc); /* seq_cst: pairs with pidtab_free */
    uint32_t serial = atomic_load_explicit(&t->slots[i].serial, memory_order_relaxed);
    return p != NULL && serial == val_pid_serial(pid) ? p : NULL;
}

/* Live processes now (a snapshot, approximate while processes come and go). */
uint32_t pidtab_count(PidTab *t);

/* Writes up to `cap` live pids, in index order, to `out`; returns how many exist in all
 * (may exceed `cap`). For Process.list/0; a snapshot, processes may come and go meanwhile.
 * The caller must be online (epoch.h): it reads the processes' pids. */
uint32_t pidtab_list(PidTab *t, Value *out, uint32_t cap);

#endif
