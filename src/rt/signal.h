/* signal.h: links, monitors and exit signals (DESIGN §5), with BEAM's semantics.
 *
 * Owns: the rules. What a process does when it links, unlinks, monitors, demonitors, sends an
 * exit signal or dies; what it does with each signal it receives (signal_handle, called while
 * draining its mailbox); and the answers a dead process owes (link -> exit :noproc, monitor
 * -> DOWN :noproc). Does not own: building values (the SigOps callbacks copy reasons into
 * signals and turn signals into {:EXIT, ...} / {:DOWN, ...} messages), crash reports, or the
 * VM's receive (which copies a message into the receiver's heap).
 * Running out of memory while building a signal the runtime owes (an exit signal at death,
 * a :noproc answer) is fatal, as on BEAM; where a builtin can raise instead, a status says so.
 * Invariants: every signal travels through the target's mailbox, so signals between two
 * processes arrive in the order they were sent. A process's link and monitor tables change
 * only on its own thread (ProcRt.tables is owner-only): a request from another process is a
 * signal the owner applies when it drains. An exit signal due to a link is acted on only while the
 * link exists, a DOWN only while the monitor exists, so after unlink/demonitor returns no
 * such signal takes effect.
 */
#ifndef EMBER_SIGNAL_H
#define EMBER_SIGNAL_H
#include <stdbool.h>
#include <stdint.h>

#include "rt/pidtab.h"
#include "rt/proc_rt.h"
#include "rt/registry.h"
#include "rt/sched.h"

/* How values get in and out of signals (the value layer's flat copies, heapfrag.h). */
typedef struct SigOps {
    /* A new signal whose payload is a copy of `v` (a value of the calling process's heap, or
     * an immediate). NULL if memory ran out. */
    Signal *(*make)(void *ctx, SigKind kind, Value from, Value v, uint64_t ref);
    /* Frees `s` with its payload's copy. */
    void (*free)(void *ctx, Signal *s);
    /* Turns exit or DOWN signal `s` into the message `self` receives, in place: kind
     * SIG_MESSAGE (`aux` keeps the original kind, `ref` stays), and the message a receive sees
     * is {:EXIT, from, reason} or {:DOWN, #Reference<ref>, :process, from, reason} (an atom
     * `from`, for a monitor by name, reads {name, node}); the runtime builds that tuple in
     * self's heap when a receive first looks at it. False if out of memory. */
    bool (*to_message)(void *ctx, ProcRt *self, Signal *s);
    /* Answers Process.info request `s` (SIG_INFO) sent to `self`, alive or (`alive` false)
     * already dead, and frees `s`. May be NULL (requests are dropped). */
    void (*info)(void *ctx, ProcRt *self, Signal *s, bool alive);
} SigOps;

/* The runtime a signal needs: where processes are found and woken. */
typedef struct SigEnv {
    PidTab *pids;
    Sched *sched;
    Registry *reg;
    SigOps ops;
    void *ctx; /* passed to ops */
} SigEnv;

typedef enum SigStatus {
    SIG_OK,
    SIG_NOPROC,   /* the other process is dead (link: the caller raises ErlangError :noproc) */
    SIG_NO_MEMORY /* the caller raises SystemLimitError */
} SigStatus;

/* Delivers `s` to `to` (any thread, online). If `to` is dead, `s` is freed (messages to dead
 * processes are dropped) and SIG_NOPROC returned. Wakes `to` if it was asleep. */
SigStatus signal_push(SigEnv *env, Value to, Signal *s);

/* `self` links to `other`, as Process.link/1. Linking to itself or an existing link does
 * nothing. A dead `other`: SIG_NOPROC if `self` does not trap exits (Elixir raises), else
 * SIG_OK and `self` gets {:EXIT, other, :noproc}. */
SigStatus signal_link(SigEnv *env, ProcRt *self, Value other);

/* Links `parent` and its new `child` before the child first runs (spawn_link): both tables
 * are written directly, which is safe because nobody runs the child yet. */
SigStatus signal_link_new(ProcRt *parent, ProcRt *child);

/* `parent` monitors its new `child` under `ref` before the child first runs (spawn_monitor). */
SigStatus signal_monitor_new(ProcRt *parent, ProcRt *child, uint64_t ref);

/* `self` unlinks from `other`, as Process.unlink/1 (always succeeds). */
void signal_unlink(SigEnv *env, ProcRt *self, Value other);

/* `self` monitors `target` under the new reference number `ref`, as Process.monitor/1. With
 * `name` (an atom, else 0) the monitor was made by registered name: its DOWN names
 * {name, node} instead of the pid, and a `target` of 0 (no such name) gets it at once. A dead
 * target yields {:DOWN, ref, :process, target, :noproc}. SIG_NO_MEMORY is the only failure. */
SigStatus signal_monitor(SigEnv *env, ProcRt *self, Value target, uint64_t ref, Value name);

/* `self` drops monitor `ref`, as Process.demonitor/2; with `flush`, also removes a DOWN for
 * it already received. Returns true if the monitor was active. */
bool signal_demonitor(SigEnv *env, ProcRt *self, uint64_t ref, bool flush);

/* `self` sends an exit signal with `reason` to `to`, as Process.exit/2 (to a dead process:
 * nothing). If `to` is `self` the signal is handled at once, by signal_handle's rules: the
 * result is NULL, or the signal carrying the reason `self` must now exit with. */
Signal *signal_exit(SigEnv *env, ProcRt *self, Value to, Value reason);

/* Sets trap_exit (Process.flag(:trap_exit, on)); returns the old value. */
bool signal_trap_exit(ProcRt *self, bool on);

/* Applies signal `s` (not a message) to `self`, the process draining its mailbox. Returns
 * NULL to go on, or a signal the caller now owns whose payload is the reason `self` must exit
 * with (`:killed` for an exit/2 `:kill`). SIG_TIMEOUT for the current wait sets
 * self->timed_out. Everything else `s` carried is consumed. */
Signal *signal_handle(SigEnv *env, ProcRt *self, Signal *s);

/* Drains `self`'s inbound queue: messages to its private list, other signals through
 * signal_handle. Returns NULL, or the signal carrying the reason `self` must exit with (the
 * rest stays queued). */
Signal *signal_drain(SigEnv *env, ProcRt *self);

/* What a receive does when it has looked at every message in the private list: pops the
 * inbound signals up to and including the next message (signal_drain's whole queue if a
 * signal other than a message may be queued: mailbox_take_others). Messages alone are
 * popped as the receive gets to them, so the lines of a chain another core wrote arrive
 * while the messages ahead are handled, instead of all before the first one (fork-join
 * throughput's consumers waited on them for a fifth of their time). Returns as signal_drain. */
Signal *signal_next(SigEnv *env, ProcRt *self);

/* When `self` is scheduled in: signal_drain if a signal other than a message may be queued
 * (an exit signal ends it before it acts on the messages ahead, as on the BEAM), else
 * nothing (its receive pops the messages, signal_next). Returns as signal_drain. */
Signal *signal_schedule_in(SigEnv *env, ProcRt *self);

/* `self` exits with `reason` (a value of its heap, or an immediate): its name is released,
 * its pid freed (pidtab_free), every linked process gets an exit signal and every watcher a
 * DOWN, then its mailbox is emptied (answering late link and monitor requests with :noproc).
 * Call from the scheduler's `exited` callback, before the process's heap is freed. */
void signal_process_exit(SigEnv *env, ProcRt *self, Value reason);

/* Answers and frees what reached dead `self` after it exited; call when reclaiming it. */
void signal_drain_dead(SigEnv *env, ProcRt *self);

#endif
