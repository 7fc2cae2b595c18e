/* epoch.h: deferred freeing of process control blocks (quiescent-state epochs).
 *
 * Owns: deciding when memory that other scheduler threads may still be reading can be freed.
 * A sender finds a process through the pid table and pushes into its mailbox without taking a
 * reference; the process may die meanwhile. So a dead process's control block is "retired",
 * not freed, and freed only once every scheduler thread has passed a quiescent point (it was
 * between two process slices, holding no pointer to another process) twice since.
 * Does not own: what is retired (the embedder's free callback) or when threads are quiescent
 * (the scheduler calls epoch_quiescent between slices, epoch_offline before parking).
 * Invariants: a pointer read from the pid table is valid until the reading thread's next
 * epoch_quiescent or epoch_offline. Retired nodes are freed in retirement order, by the thread
 * that retired them. A thread that is offline holds no pointers and never blocks freeing.
 */
#ifndef EMBER_EPOCH_H
#define EMBER_EPOCH_H
#include <stdalign.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "rt/cacheline.h"

/* Embedded in whatever is retired (e.g. a process control block). */
typedef struct EpochNode {
    struct EpochNode *next;
    uint64_t epoch; /* the global epoch when it was retired */
} EpochNode;

typedef void (*EpochFreeFn)(void *ctx, EpochNode *n);

/* One per scheduler thread, on its own cache line: `local` is written by its thread and read
 * by the others, and two threads' records sharing a line would bounce it on every write. */
typedef struct EpochThread {
    /* any thread, atomic */
    alignas(CACHE_LINE) _Atomic uint64_t local; /* the global epoch this thread last saw, or EPOCH_OFFLINE */
    /* owner thread only */
    EpochNode *limbo, *limbo_last; /* retired, not yet freed, oldest first */
    size_t nlimbo;
} EpochThread;

typedef struct EpochDomain {
    /* any thread, atomic */
    _Atomic uint64_t global;
    /* set at init, read-only after */
    EpochThread *threads;
    uint32_t nthreads;
    EpochFreeFn free_fn;
    void *ctx;
} EpochDomain;

#define EPOCH_OFFLINE UINT64_MAX

/* Sets up `d` for `n` threads in `threads` (caller-owned, n >= 1), all offline. `free_fn(ctx,
 * node)` frees a retired node when it is safe. */
void epoch_init(EpochDomain *d, EpochThread *threads, uint32_t n, EpochFreeFn free_fn,
                void *ctx);

/* Thread `t` holds no pointer to another process: announce the current epoch, and free
 * whatever of `t`'s retired nodes is safe. Call between slices; the free callback runs here. */
void epoch_quiescent(EpochDomain *d, EpochThread *t);

/* Like epoch_quiescent, before `t` goes offline: frees what it can and returns true if some
 * of `t`'s retired nodes must still wait (another thread is online in an older epoch). An
 * offline thread frees nothing, so the caller should come back online soon to retry. */
bool epoch_flush(EpochDomain *d, EpochThread *t);

/* Thread `t` stops reading shared processes (it parks, or blocks in a system call). */
void epoch_offline(EpochThread *t);

/* Thread `t` resumes; pointers it reads from now on are protected. */
void epoch_online(EpochDomain *d, EpochThread *t);

/* Thread `t` (online) retires `n`: free_fn gets it once no thread can still be reading it.
 * The node must already be unreachable for new readers (its pid-table slot cleared). */
void epoch_retire(EpochDomain *d, EpochThread *t, EpochNode *n);

/* Frees every retired node of every thread. Only when no thread reads processes any more
 * (shutdown). */
void epoch_drain_all(EpochDomain *d);

#endif
