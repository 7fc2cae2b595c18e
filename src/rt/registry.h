/* registry.h: registered process names (DESIGN §5), as BEAM's register/2, whereis/1.
 *
 * Owns: the table atom -> process, and every process's `reg_name` and `reg_closed` fields.
 * Locking: one mutex, `lock`, guards the table and those two fields of every process (except
 * that registry_close skips it for a process without a name, see registry.c). It is
 * held only for a hash-table operation, never across a call that can block. Lock order: the
 * registry lock is a leaf (nothing else is taken while it is held).
 * Invariants: a name maps to at most one process and a process has at most one name; an entry
 * points to a process that has not finished exiting (registry_close removes it before the
 * process is retired), so the pointer stays valid while the lock is held.
 */
#ifndef EMBER_REGISTRY_H
#define EMBER_REGISTRY_H
#include <pthread.h>
#include <stdint.h>

#include "rt/idmap.h"
#include "rt/proc_rt.h"

typedef struct Registry {
    pthread_mutex_t lock;
    IdMap names; /* guarded by lock: atom index -> (ProcRt *) */
} Registry;

typedef enum RegStatus {
    REG_OK,
    REG_NAME_TAKEN,    /* another process has the name */
    REG_ALREADY_NAMED, /* the process has another name */
    REG_DEAD,          /* the process is exiting */
    REG_NO_MEMORY
} RegStatus;

/* Sets up an empty registry. Returns 0, or -1 if the mutex could not be created. */
MUST_CHECK int registry_init(Registry *r);
void registry_destroy(Registry *r);

/* Registers process `p` (any thread; `p` must be readable, epoch.h) under atom index `name`,
 * as Process.register/2. Returns REG_OK or why not (the caller raises ArgumentError).
 * Registering the name a process already has is REG_NAME_TAKEN, as on BEAM. */
MUST_CHECK RegStatus registry_register(Registry *r, uint32_t name, ProcRt *p);

/* Removes `name`, as Process.unregister/1. Returns false if it was not registered. */
bool registry_unregister(Registry *r, uint32_t name);

/* The pid registered as `name`, or 0 (as Process.whereis/1 returning nil). */
Value registry_whereis(Registry *r, uint32_t name);

/* `p` is exiting: removes its name and refuses any later registration of it. Call before the
 * process's exit and DOWN signals go out, so whoever sees them finds the name free. */
void registry_close(Registry *r, ProcRt *p);

/* The registered name of `p` (atom index), or 0. */
uint32_t registry_name_of(Registry *r, ProcRt *p);

/* Writes up to `cap` registered names (atom indexes) to `out`; returns how many there are.
 * For Process.registered/0. */
uint32_t registry_list(Registry *r, uint32_t *out, uint32_t cap);

#endif
