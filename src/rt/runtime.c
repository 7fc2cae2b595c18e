/* runtime.c: the runtime wired to the VM (runtime.h): scheduler callbacks, spawn, send,
 * receive, receive timeouts. Process.send_after timers are in sendafter.c. */
#include "rt/runtime.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "rt/crash.h"
#include "rt/heapfrag.h"
#include "rt/procinfo.h"
#include "rt/sigpool.h"
#include "vm/error.h"
#include "vm/vm.h"

static Runtime the_runtime;
static Runtime *rt; /* NULL until rt_init */

Runtime *rt_get(void) { return rt; }

int64_t rt_now_ms(void) { return rt ? (int64_t)sched_now(&rt->sched) : (int64_t)timer_now_ms(); }

/* ---- values in signals (SigOps): a flat copy inline after the Signal header ---- */

/* The header of a signal of `kind` whose payload takes `words` words, not yet looked at. */
static void signal_head(Signal *s, SigKind kind, size_t words)
{
    s->kind = (uint8_t)kind;
    s->aux = SIG_MESSAGE;
    s->where = SIG_IN_BLOCK;
    s->words = (uint32_t)words;
}

/* Fills block `s` (room for `words`, the flat size of `v`, plus SIGNAL_META_WORDS unless
 * `kind` is SIG_MESSAGE) as rt_signal_new describes. */
static Signal *signal_fill(Signal *s, SigKind kind, Value from, Value v, uint64_t ref,
                           size_t words)
{
    if (s == NULL)
        return NULL;
    signal_head(s, kind, words);
    s->payload = flat_copy(v, s->data, words);
    if (kind != SIG_MESSAGE)
        signal_set_meta(s, from, ref);
    return s;
}

/* Words of a block for a signal of `kind` whose payload takes `words`. */
static size_t block_words(SigKind kind, size_t words)
{
    return kind == SIG_MESSAGE ? words : words + SIGNAL_META_WORDS;
}

Signal *rt_signal_new(SigKind kind, Value from, Value v, uint64_t ref)
{
    size_t words = val_flat_size(v);
    return signal_fill(sigpool_alloc(block_words(kind, words)), kind, from, v, ref, words);
}

static Signal *ops_make(void *ctx, SigKind kind, Value from, Value v, uint64_t ref)
{
    (void)ctx;
    return rt_signal_new(kind, from, v, ref);
}

static void ops_free(void *ctx, Signal *s)
{
    (void)ctx;
    sigpool_free(s);
}

/* Exit or DOWN signal `s`, received as a message, as the tuple it reads: {:EXIT, from, reason}
 * or {:DOWN, ref, :process, from, reason}, built in `a` around `reason`. */
static Value exit_message(Arena *a, const Signal *s, Value reason)
{
    if (s->aux != SIG_DOWN) {
        Value e[3] = {ATOM_EXIT, signal_from(s), reason};
        return val_make_tuple_from(a, e, 3);
    }
    Value ref = val_make_ref_number(a, signal_ref(s));
    Value who = signal_from(s);
    if (val_is_atom(who)) { /* a monitor by registered name: {name, node} */
        Value nn[2] = {who, val_atom_cstr("nonode@nohost")};
        who = val_make_tuple_from(a, nn, 2);
    }
    Value e[5] = {ATOM_DOWN, ref, ATOM_PROCESS, who, reason};
    return ref == THE_NON_VALUE || who == THE_NON_VALUE ? THE_NON_VALUE
                                                        : val_make_tuple_from(a, e, 5);
}

Value proc_recv_value(Process *p, Signal *s)
{
    if (s->where == SIG_IN_HEAP)
        return s->payload;
    Value v = s->payload;
    if (s->words != 0 && (v = flat_copy_to_arena(&p->arena, v, s->words)) == THE_NON_VALUE)
        return v;
    if (s->where == SIG_TO_BUILD && (v = exit_message(&p->arena, s, v)) == THE_NON_VALUE)
        return v; /* the reason's copy is garbage now; the next look copies it again */
    s->payload = v;
    s->where = SIG_IN_HEAP;
    return v;
}

Value proc_recv_look(Process *p, Signal *s, bool copy)
{
    if (copy || s->where == SIG_TO_BUILD || s->where == SIG_IN_HEAP)
        return proc_recv_value(p, s);
    s->where = SIG_LOOKED;
    return s->payload;
}

/* Whether `v` is a pointer into the payload words of `s`. */
static bool points_into(const Signal *s, Value v)
{
    if (!val_points(v))
        return false;
    uintptr_t a = (uintptr_t)v & ~(uintptr_t)VAL_TAG_MASK;
    return a >= (uintptr_t)s->data && a < (uintptr_t)(s->data + s->words);
}

bool proc_recv_pins(const Signal *s, const Value *regs, size_t n)
{
    for (size_t i = 0; s->words != 0 && i < n; i++)
        if (points_into(s, regs[i]))
            return true;
    return false;
}

void proc_recv_unpin(const Signal *s, Value *regs, size_t n)
{
    for (size_t i = 0; s->words != 0 && i < n; i++)
        if (points_into(s, regs[i]))
            regs[i] = VAL_NIL;
}

Value rt_message_value(Process *p, Signal *s, Arena *a)
{
    if (a == &p->arena)
        return proc_recv_value(p, s);
    return s->where == SIG_TO_BUILD ? exit_message(a, s, s->payload) : s->payload;
}

/* The message is built when a receive first looks at it (proc_recv_value), so messages in
 * the heap stay in front of the private list (mailbox.h, SigWhere). */
static bool ops_to_message(void *ctx, ProcRt *self, Signal *s)
{
    (void)ctx;
    (void)self;
    s->aux = s->kind;
    s->kind = SIG_MESSAGE;
    s->where = SIG_TO_BUILD;
    return true;
}

/* ---- receive ---- */

/* Applies what arrived for `p` with `pop` (signal.h: all of it, up to the next message, or
 * what must be seen at schedule-in); false if a signal ends it (p->killed_by). */
static bool refill(Process *p, Signal *(*pop)(SigEnv *env, ProcRt *self))
{
    if (p->killed_by == NULL)
        p->killed_by = pop(&rt->env, &p->rt);
    return p->killed_by == NULL;
}

void rt_drain_self(Process *p)
{
    if (!refill(p, signal_drain))
        p->reductions = 0; /* as rt_kill_self: the VM stops at its next reduction */
}

Signal *proc_recv_next(Process *p)
{
    Signal *s = mailbox_recv_peek(&p->rt.mb);
    if (s == NULL && rt != NULL && refill(p, signal_next))
        s = mailbox_recv_peek(&p->rt.mb);
    return s;
}

void proc_recv_take(Process *p) { sigpool_free(mailbox_recv_take(&p->rt.mb)); }

/* The receive timer of a process fired: wake it with a timeout for that receive. */
static void timeout_fired(Timer *t, uint64_t wait)
{
    ProcRt *r = ((ProcTimer *)((char *)t - offsetof(ProcTimer, timer)))->owner;
    Signal *s = rt_signal_new(SIG_TIMEOUT, 0, ATOM_NIL, wait);
    if (s == NULL) {
        fputs("ember: out of memory while firing a timer\n", stderr);
        abort();
    }
    if (mailbox_push(&r->mb, s))
        sched_enqueue(&rt->sched, r);
}

/* Keeps the receive timer in step with the VM: armed for the deadline of the receive `p`
 * waits in, cancelled once that receive is over. */
static void sync_timer(Process *p)
{
    ProcTimer *t = p->rt.rtimer;
    if ((t != NULL ? t->armed_for : -1) == p->wait_until_ms)
        return;
    if (t != NULL && t->armed_for >= 0) {
        (void)timer_cancel(&t->timer, 0);
        t->armed_for = -1;
    }
    if (p->wait_until_ms < 0)
        return;
    if (t == NULL)
        t = proc_rt_timer(&p->rt);
    uint32_t wait = t != NULL ? ++t->wait_seq : 0;
    p->rt.timed_out = false;
    if (t == NULL || sched_timer_start(&rt->sched, &t->timer, (uint64_t)p->wait_until_ms,
                                       timeout_fired, wait) != 0) {
        fputs("ember: out of memory while arming a timer\n", stderr);
        abort();
    }
    t->armed_for = p->wait_until_ms;
}

/* ---- the scheduler's callbacks ---- */

/* Why `p` ends after vm_run returned `st` (or it was killed), into p->exit_reason. */
static void set_exit_reason(Process *p, VmStatus st)
{
    if (p->killed_by != NULL)
        p->exit_reason = p->killed_by->payload;
    else if (p->heap_limit_hit)
        p->exit_reason = ATOM_KILLED;
    else if (st == VM_DONE)
        p->exit_reason = ATOM_NORMAL;
    else {
        if (p->is_main)
            rt->exit_status = crash_main_failed(p); /* as Elixir reports a script's error */
        else
            crash_report(p);
        p->exit_reason = crash_exit_reason(p);
    }
}

static RunResult proc_run(void *ctx, ProcRt *r, uint32_t budget)
{
    (void)ctx;
    Process *p = proc_of(r);
    if (refill(p, signal_schedule_in) && r->timed_out) {
        r->timed_out = false;
        p->recv_timed_out = 1;
    }
    VmStatus st = VM_WAIT;
    if (p->killed_by == NULL) {
        st = vm_run(p, budget);
        p->reductions_done += budget - (p->reductions > 0 ? (uint64_t)p->reductions : 0);
    }
    if (p->killed_by != NULL || p->heap_limit_hit || st == VM_DONE || st == VM_FAILED) {
        set_exit_reason(p, st);
        return RUN_EXIT;
    }
    sync_timer(p);
    return st == VM_WAIT ? RUN_WAIT : RUN_YIELD;
}

static void proc_exited(void *ctx, ProcRt *r)
{
    (void)ctx;
    Process *p = proc_of(r);
    if (p->is_main) {
        if (p->killed_by != NULL || p->heap_limit_hit)
            rt->exit_status = crash_main_killed(p, p->exit_reason);
        fflush(stdout);
    }
    signal_process_exit(&rt->env, r, p->exit_reason);
    if (p->rt.rtimer != NULL)
        p->rt.rtimer->armed_for = -1;
    /* A process's death frees its memory at once; the control block waits (epoch.h). */
    arena_free(&p->arena);
    proc_free_stacks(p);
    if (p->is_main)
        sched_stop(&rt->sched);
}

static void proc_reclaim(void *ctx, ProcRt *r)
{
    (void)ctx;
    signal_drain_dead(&rt->env, r);
    proc_free(proc_of(r));
}

/* ---- set-up ---- */

static uint32_t online_cores(void)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n < 1 ? 1 : n > (long)SCHED_MAX_THREADS ? SCHED_MAX_THREADS : (uint32_t)n;
}

int rt_init(const RtConfig *cfg)
{
    Runtime *t = &the_runtime;
    uint32_t threads = cfg->threads ? cfg->threads : online_cores();
    if (cfg->deterministic)
        threads = 1;
    uint32_t max = cfg->max_processes ? cfg->max_processes : PIDTAB_DEFAULT_MAX;
    SchedConfig sc = {.threads = threads, .deterministic = cfg->deterministic,
                      .unbound = cfg->unbound, .seed = cfg->seed,
                      .run = proc_run, .exited = proc_exited, .reclaim = proc_reclaim, .ctx = t};
    if (pidtab_init(&t->pids, max) != 0 || registry_init(&t->reg) != 0 ||
        sched_init(&t->sched, &sc) != 0 || pthread_mutex_init(&t->timers_lock, NULL) != 0) {
        fprintf(stderr, "ember: cannot start the runtime (%u threads, %u processes)\n", threads,
                max);
        return -1;
    }
    idmap_init(&t->timers);
    t->env = (SigEnv){&t->pids, &t->sched, &t->reg,
                      {ops_make, ops_free, ops_to_message, procinfo_answer}, t};
    t->exit_status = 0;
    rt = t;
    return 0;
}

int rt_run_main(Process *main)
{
    main->is_main = true;
    if (pidtab_alloc(&rt->pids, &main->rt) == 0) {
        fputs("ember: cannot start the main process\n", stderr);
        return 1;
    }
    sched_enqueue(&rt->sched, &main->rt);
    if (sched_run(&rt->sched) != 0) {
        fputs("ember: cannot start the scheduler threads\n", stderr);
        return 1;
    }
    fflush(stdout);
    return rt->exit_status;
}

/* ---- spawn, send ---- */

/* Copies `fun` and `args`, values of the parent's heap, into the heap of `child`, which has not
 * run yet (so the parent may allocate there): both in one chunk of exactly their size. */
static bool copy_start(Process *child, Value fun, Value args, Value *cfun, Value *cargs)
{
    size_t fw = val_flat_size(fun), aw = val_flat_size(args);
    Value *dst = NULL;
    if (fw + aw != 0 && (dst = arena_alloc_exact(&child->arena, fw + aw)) == NULL)
        return false;
    *cfun = flat_copy(fun, dst, fw);
    *cargs = flat_copy(args, fw != 0 ? dst + fw : dst, aw);
    return true;
}

Value rt_spawn(Process *parent, Value fun, Value args, unsigned flags, Value *ref)
{
    Process *child = proc_new();
    Value cfun, cargs;
    if (child == NULL || !copy_start(child, fun, args, &cfun, &cargs) ||
        !vm_start_apply(child, cfun, cargs) || pidtab_alloc(&rt->pids, &child->rt) == 0) {
        proc_free(child);
        return err_system_limit(parent);
    }
    bool ok = !(flags & RT_SPAWN_LINK) || signal_link_new(&parent->rt, &child->rt) == SIG_OK;
    if (ok && (flags & RT_SPAWN_MONITOR)) {
        *ref = val_make_ref(&parent->arena);
        ok = *ref != THE_NON_VALUE &&
             signal_monitor_new(&parent->rt, &child->rt, val_ref_get(*ref)) == SIG_OK;
    }
    if (!ok) { /* out of memory: the child never runs */
        pidtab_free(&rt->pids, child->rt.pid);
        proc_free(child);
        return err_system_limit(parent);
    }
    sched_enqueue_new(&rt->sched, &child->rt);
    return child->rt.pid;
}

Value rt_resolve(Value dest)
{
    if (val_is_pid(dest))
        return dest;
    if (val_is_tuple(dest) && val_tuple_arity(dest) == 2 && val_is_atom(val_tuple_elems(dest)[1]))
        dest = val_tuple_elems(dest)[0]; /* {name, node}: the only node is this one */
    if (!val_is_atom(dest))
        return THE_NON_VALUE;
    return registry_whereis(&rt->reg, val_atom_index(dest));
}

/* A block of `words` payload words for a message from `p` to `target`: in the worker's outbox
 * (*queued: sent when the slice ends), or a block of its own for the caller to post. A message
 * to oneself is never batched: a receive in this very slice must see it. */
static Signal *message_block(Process *p, ProcRt *target, size_t words, bool *queued)
{
    Outbox *o = target != &p->rt ? outbox_current(&rt->sched) : NULL;
    *queued = false;
    return o != NULL ? outbox_add(o, target, words, queued) : sigpool_alloc(words);
}

static void message_post(ProcRt *target, Signal *s, bool queued)
{
    if (!queued && mailbox_push(&target->mb, s))
        sched_enqueue(&rt->sched, target);
}

/* Sends `msg` to live process `target`: rt_send once the destination is known. */
static Value send_to(Process *p, ProcRt *target, Value msg)
{
    size_t words = val_flat_size(msg);
    bool queued;
    Signal *s = message_block(p, target, words, &queued);
    if (signal_fill(s, SIG_MESSAGE, 0, msg, 0, words) == NULL)
        return err_system_limit(p);
    message_post(target, s, queued);
    return msg;
}

Value rt_send(Process *p, Value dest, Value msg)
{
    Value pid = rt_resolve(dest);
    if (pid == THE_NON_VALUE || pid == 0)
        return err_badarg_at(p, 1, "invalid destination");
    ProcRt *target = pidtab_lookup(&rt->pids, pid);
    if (target == NULL)
        return msg; /* a dead process: dropped, as on BEAM */
    return send_to(p, target, msg);
}

bool rt_send_tuple(Process *p, Value dest, const Value *elems, uint32_t n)
{
    Value pid = rt_resolve(dest);
    if (pid == THE_NON_VALUE || pid == 0) { /* rt_send raises, with the tuple it would send */
        Value t = val_make_tuple_from(&p->arena, elems, n);
        return (t != THE_NON_VALUE ? rt_send(p, dest, t) : err_system_limit(p)) != THE_NON_VALUE;
    }
    ProcRt *target = pidtab_lookup(&rt->pids, pid);
    if (target == NULL)
        return true; /* a dead process: dropped, and the tuple need not exist at all */
    bool flat = n != 0;
    for (uint32_t i = 0; flat && i < n; i++)
        flat = !val_points(elems[i]);
    if (!flat) { /* one walk sizes and copies what the elements hold */
        Value t = val_make_tuple_from(&p->arena, elems, n);
        return (t != THE_NON_VALUE ? send_to(p, target, t) : err_system_limit(p)) != THE_NON_VALUE;
    }
    bool queued;
    Signal *s = message_block(p, target, (size_t)n + 1, &queued);
    if (s == NULL) {
        err_system_limit(p);
        return false;
    }
    signal_head(s, SIG_MESSAGE, (size_t)n + 1);
    s->data[0] = hdr_make(HDR_TUPLE, n);
    memcpy(s->data + 1, elems, n * sizeof *elems);
    s->payload = val_box_from(s->data);
    message_post(target, s, queued);
    return true;
}

void rt_kill_self(Process *p, Signal *die)
{
    if (p->killed_by == NULL)
        p->killed_by = die;
    else
        ops_free(NULL, die);
    p->reductions = 0;
}
