/* runtime.h: the actor runtime as one piece (DESIGN §5): the pid table, the scheduler, the
 * registry and the signal layer wired to the VM's processes.
 *
 * Owns: the one runtime of the program (pids are global names, so there is one pid table),
 * the scheduler's callbacks (run a slice of a process with vm_run, tear a dead one down, free
 * it), spawning, sending, receive timeouts, Process.send_after timers, and the end of the
 * program when the main process ends. Does not own: the rules of links and monitors
 * (signal.h), the builtins that expose all this to ember code (src/lib/process.c), crash
 * reports and exit statuses (crash.h).
 * Invariants: every Process that runs is in the pid table from spawn until its exit; a
 * process's heap is freed as soon as it exits (its control block later, epoch.h). Builtins run
 * on a scheduler thread, inside the slice of the process they are given.
 */
#ifndef EMBER_RUNTIME_H
#define EMBER_RUNTIME_H
#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>

#include "rt/idmap.h"
#include "rt/pidtab.h"
#include "rt/process.h"
#include "rt/registry.h"
#include "rt/sched.h"
#include "rt/signal.h"

typedef struct RtConfig {
    uint32_t threads;       /* scheduler threads; 0 = the number of online cores */
    bool deterministic;     /* --seed given: one thread, replayable schedule */
    bool unbound;           /* --no-bind: scheduler threads not bound to CPUs (sched.h) */
    uint64_t seed;
    uint32_t max_processes; /* 0 = PIDTAB_DEFAULT_MAX */
} RtConfig;

typedef struct Runtime {
    PidTab pids;
    Sched sched;
    Registry reg;
    SigEnv env;
    /* guarded by timers_lock: Process.send_after timers by reference number */
    pthread_mutex_t timers_lock;
    IdMap timers;
    /* written once, by the main process's exit (then the scheduler stops) */
    int exit_status;
} Runtime;

/* The runtime, once rt_init succeeded; NULL before. */
Runtime *rt_get(void);

/* Sets the runtime up (no thread started yet). Returns 0, or -1 on a bad configuration
 * (reported on stderr) or when out of memory. Call once. */
int rt_init(const RtConfig *cfg);

/* Runs `main` (made with proc_new and vm_start) as the program's main process on the
 * scheduler, with the calling thread as scheduler 0, until it ends; then stops the other
 * threads and returns the program's exit status (crash.h). Processes still alive are left
 * as they are: the program is about to exit. */
int rt_run_main(Process *main);

/* Options of rt_spawn. */
enum { RT_SPAWN_LINK = 1, RT_SPAWN_MONITOR = 2 };

/* Starts a process calling `fun` (a fun, or a {module, function} tuple) with the elements of
 * the list `args`, both values of `parent`'s heap (copied), as spawn/1,3, spawn_link and
 * spawn_monitor. Returns the new pid (and in *ref the monitor reference, with
 * RT_SPAWN_MONITOR), or THE_NON_VALUE after raising SystemLimitError (process limit, memory). */
Value rt_spawn(Process *parent, Value fun, Value args, unsigned flags, Value *ref);

/* Sends `msg` to `dest` (a pid, a registered name or {name, node}), as Kernel.send/2.
 * Returns `msg`, or THE_NON_VALUE after raising ArgumentError (unregistered name, bad
 * destination). A dead pid silently drops the message. */
Value rt_send(Process *p, Value dest, Value msg);

/* As rt_send(p, dest, {elems[0], ..., elems[n - 1]}) when the tuple is not needed
 * afterwards (`send(pid, {:tag, x})` as a statement). When every element is an immediate (an
 * atom, a small integer, a pid), the tuple is written straight into the message block: the
 * sender's heap gets no garbage and nothing is walked or copied twice. Else the tuple is built
 * in the heap and sent by rt_send (one walk sizes and copies all the elements hold). `elems`
 * are values of p's heap or immediates. Returns false after raising what rt_send would; true
 * otherwise. */
bool rt_send_tuple(Process *p, Value dest, const Value *elems, uint32_t n);

/* Resolves `dest` (pid, name, {name, node}) to a pid: 0 if no such name is registered,
 * THE_NON_VALUE if `dest` is none of those. */
Value rt_resolve(Value dest);

/* A new signal of `kind` (any thread) whose payload is a flat copy of `v` (a value of the
 * calling process's heap, or an immediate) in the same block, right after the header
 * (Signal.data, `words` = val_flat_size(v)); `aux` is SIG_MESSAGE. `from` and `ref` follow
 * the copy (signal_from, signal_ref) unless `kind` is SIG_MESSAGE, which drops them. The block comes from
 * sigpool_alloc; sigpool_free (sigpool.h) frees it with the copy. NULL if out of memory. */
Signal *rt_signal_new(SigKind kind, Value from, Value v, uint64_t ref);

/* `p` must end now with `die`'s payload as its reason (an exit signal it handled inside a
 * builtin, e.g. Process.exit(self(), :kill)): the VM stops at its next reduction. */
void rt_kill_self(Process *p, Signal *die);

/* For Process.info about the caller itself: applies what arrived for `p` first, so its queue
 * holds every message sent to it so far (as BEAM's process_info(self(), ...) sees them); a
 * signal that ends `p` makes it exit at its next reduction (as rt_kill_self). */
void rt_drain_self(Process *p);

/* Message `s` of p's private list as a value in arena `a`, for Process.info(pid, :messages).
 * In p's own heap (`a` is p's arena) it is copied in as a receive's first look does, so call
 * it on the messages from the front of the list on; in another arena (an answer to another
 * process, copied out before p's queue changes) the value is read where it is, and only an
 * {:EXIT, ...} or {:DOWN, ...} tuple still to build is built in `a`. THE_NON_VALUE if out of
 * memory. */
Value rt_message_value(Process *p, Signal *s, Arena *a);

/* Process.send_after(dest, msg, ms): a reference for the timer, or THE_NON_VALUE after
 * raising. cancel: the ms left (a small integer) or false, as Process.cancel_timer/1. */
Value rt_send_after(Process *p, Value dest, Value msg, int64_t ms);
Value rt_cancel_timer(Process *p, Value ref);

#endif
