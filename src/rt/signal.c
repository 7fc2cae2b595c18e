/* signal.c: links, monitors and exit signals (see signal.h). */
#include "rt/signal.h"
#include "rt/sigpool.h"

#include <stdio.h>
#include <stdlib.h>

/* A signal the runtime owes (an exit at death, a :noproc answer): out of memory is fatal. */
static Signal *make_owed(SigEnv *env, SigKind kind, Value from, Value v, uint64_t ref)
{
    Signal *s = env->ops.make(env->ctx, kind, from, v, ref);
    if (s == NULL) {
        fputs("ember: out of memory while delivering an exit signal\n", stderr);
        abort();
    }
    return s;
}

static void free_signal(SigEnv *env, Signal *s) { env->ops.free(env->ctx, s); }

/* ---- a process's link and monitor tables, allocated on first use ---- */

typedef enum Table { LINKS, MONITORS, WATCHERS, NAMED } Table;

/* The table `which` of `p`, or NULL if `p` has none (and `create` is false or memory ran
 * out). */
static IdMap *table(ProcRt *p, Table which, bool create)
{
    if (p->tables == NULL) {
        if (!create || (p->tables = calloc(1, sizeof *p->tables)) == NULL)
            return NULL;
    }
    switch (which) {
    case LINKS: return &p->tables->links;
    case MONITORS: return &p->tables->monitors;
    case WATCHERS: return &p->tables->watchers;
    case NAMED: break;
    }
    return &p->tables->named;
}

/* Adds key -> value; false if memory ran out. */
static bool tab_put(ProcRt *p, Table which, uint64_t key, uint64_t value)
{
    IdMap *m = table(p, which, true);
    return m != NULL && idmap_put(m, key, value) >= 0;
}

static bool tab_get(ProcRt *p, Table which, uint64_t key)
{
    IdMap *m = table(p, which, false);
    return m != NULL && idmap_get(m, key, NULL);
}

static bool tab_remove(ProcRt *p, Table which, uint64_t key, uint64_t *value)
{
    IdMap *m = table(p, which, false);
    return m != NULL && idmap_remove(m, key, value);
}

/* Puts `s` in `self`'s own mailbox (self is running, so no wake-up is due). */
static void push_self(ProcRt *self, Signal *s) { (void)mailbox_push(&self->mb, s); }

SigStatus signal_push(SigEnv *env, Value to, Signal *s)
{
    outbox_flush(env->sched); /* messages sent before this signal arrive before it */
    ProcRt *p = pidtab_lookup(env->pids, to);
    if (p == NULL) {
        free_signal(env, s);
        return SIG_NOPROC;
    }
    if (mailbox_push(&p->mb, s))
        sched_enqueue(env->sched, p);
    return SIG_OK;
}

/* ---- requests from the calling process ---- */

SigStatus signal_link(SigEnv *env, ProcRt *self, Value other)
{
    if (other == self->pid || tab_get(self, LINKS, other))
        return SIG_OK;
    if (pidtab_lookup(env->pids, other) == NULL && !self->trap_exit)
        return SIG_NOPROC;
    if (!tab_put(self, LINKS, other, 0))
        return SIG_NO_MEMORY;
    Signal *s = env->ops.make(env->ctx, SIG_LINK, self->pid, ATOM_NIL, 0);
    if (s == NULL) {
        tab_remove(self, LINKS, other, NULL);
        return SIG_NO_MEMORY;
    }
    /* Dead now (or already when trapping): the answer a dead process gives, to ourselves. */
    if (signal_push(env, other, s) == SIG_NOPROC)
        push_self(self, make_owed(env, SIG_EXIT_LINKED, other, ATOM_NOPROC, 0));
    return SIG_OK;
}

SigStatus signal_link_new(ProcRt *parent, ProcRt *child)
{
    if (!tab_put(parent, LINKS, child->pid, 0))
        return SIG_NO_MEMORY;
    if (!tab_put(child, LINKS, parent->pid, 0)) {
        tab_remove(parent, LINKS, child->pid, NULL);
        return SIG_NO_MEMORY;
    }
    return SIG_OK;
}

/* If the other side has not seen our link yet, its LINK arrives after this UNLINK and it
 * keeps a link we dropped; its exit signal to us is then ignored (we have no link), so
 * nothing observable happens except in Process.info(:links). */
void signal_unlink(SigEnv *env, ProcRt *self, Value other)
{
    if (!tab_remove(self, LINKS, other, NULL))
        return;
    Signal *s = env->ops.make(env->ctx, SIG_UNLINK, self->pid, ATOM_NIL, 0);
    if (s != NULL) /* out of memory: the other side keeps a link whose signal we ignore */
        signal_push(env, other, s);
}

SigStatus signal_monitor(SigEnv *env, ProcRt *self, Value target, uint64_t ref, Value name)
{
    if (!tab_put(self, MONITORS, ref, target))
        return SIG_NO_MEMORY;
    if (name != 0 && !tab_put(self, NAMED, ref, name)) {
        tab_remove(self, MONITORS, ref, NULL);
        return SIG_NO_MEMORY;
    }
    Signal *s = env->ops.make(env->ctx, SIG_MONITOR, self->pid, ATOM_NIL, ref);
    if (s == NULL) {
        tab_remove(self, MONITORS, ref, NULL);
        tab_remove(self, NAMED, ref, NULL);
        return SIG_NO_MEMORY;
    }
    if (signal_push(env, target, s) == SIG_NOPROC)
        push_self(self, make_owed(env, SIG_DOWN, target, ATOM_NOPROC, ref));
    return SIG_OK;
}

SigStatus signal_monitor_new(ProcRt *parent, ProcRt *child, uint64_t ref)
{
    if (!tab_put(parent, MONITORS, ref, child->pid))
        return SIG_NO_MEMORY;
    if (!tab_put(child, WATCHERS, ref, parent->pid)) {
        tab_remove(parent, MONITORS, ref, NULL);
        return SIG_NO_MEMORY;
    }
    return SIG_OK;
}

typedef struct FlushCtx {
    uint64_t ref;
    SigEnv *env;
} FlushCtx;

static bool is_down_for(void *ctx, const Signal *s)
{
    return s->aux == SIG_DOWN && signal_ref(s) == ((FlushCtx *)ctx)->ref;
}

static void drop_flushed(void *ctx, Signal *s) { free_signal(((FlushCtx *)ctx)->env, s); }

bool signal_demonitor(SigEnv *env, ProcRt *self, uint64_t ref, bool flush)
{
    uint64_t target;
    bool active = tab_remove(self, MONITORS, ref, &target);
    tab_remove(self, NAMED, ref, NULL);
    if (active) {
        Signal *s = env->ops.make(env->ctx, SIG_DEMONITOR, self->pid, ATOM_NIL, ref);
        if (s != NULL) /* out of memory: the target keeps a watcher whose DOWN we ignore */
            signal_push(env, (Value)target, s);
    }
    if (flush) {
        /* DOWN signals still queued are ignored when drained (no monitor any more); only
         * those already turned into messages must go. */
        FlushCtx fc = {ref, env};
        mailbox_remove_if(&self->mb, is_down_for, drop_flushed, &fc);
    }
    return active;
}

Signal *signal_exit(SigEnv *env, ProcRt *self, Value to, Value reason)
{
    Signal *s = make_owed(env, SIG_EXIT, self->pid, reason, 0);
    if (to != self->pid) {
        signal_push(env, to, s);
        return NULL;
    }
    /* To ourselves: what we were sent before comes first. */
    Signal *die = signal_drain(env, self);
    if (die != NULL) {
        free_signal(env, s);
        return die;
    }
    return signal_handle(env, self, s);
}

bool signal_trap_exit(ProcRt *self, bool on)
{
    bool old = self->trap_exit;
    self->trap_exit = on;
    return old;
}

/* ---- signals arriving at a live process ---- */

static void deliver_as_message(SigEnv *env, ProcRt *self, Signal *s)
{
    if (!env->ops.to_message(env->ctx, self, s)) {
        fputs("ember: out of memory while delivering an exit signal\n", stderr);
        abort();
    }
    mailbox_append(&self->mb, s);
}

/* BEAM's rules for an exit signal reaching `self` (linked: it comes from a link). */
static Signal *exit_signal(SigEnv *env, ProcRt *self, Signal *s, bool linked)
{
    if (!linked && s->payload == ATOM_KILL) {
        s->payload = ATOM_KILLED; /* untrappable */
        return s;
    }
    if (self->trap_exit) {
        deliver_as_message(env, self, s);
        return NULL;
    }
    if (s->payload == ATOM_NORMAL && (linked || signal_from(s) != self->pid)) {
        free_signal(env, s);
        return NULL;
    }
    return s;
}

Signal *signal_handle(SigEnv *env, ProcRt *self, Signal *s)
{
    switch ((SigKind)s->kind) {
    case SIG_LINK:
        if (!tab_put(self, LINKS, signal_from(s), 0))
            break; /* out of memory: the link is lost */
        break;
    case SIG_UNLINK: tab_remove(self, LINKS, signal_from(s), NULL); break;
    case SIG_MONITOR:
        if (!tab_put(self, WATCHERS, signal_ref(s), signal_from(s)))
            break; /* out of memory: no DOWN later */
        break;
    case SIG_DEMONITOR: tab_remove(self, WATCHERS, signal_ref(s), NULL); break;
    case SIG_EXIT_LINKED:
        if (!tab_remove(self, LINKS, signal_from(s), NULL))
            break; /* unlinked meanwhile: ignored */
        return exit_signal(env, self, s, true);
    case SIG_EXIT: return exit_signal(env, self, s, false);
    case SIG_DOWN: {
        if (!tab_remove(self, MONITORS, signal_ref(s), NULL))
            break; /* demonitored meanwhile: ignored */
        uint64_t name;
        if (tab_remove(self, NAMED, signal_ref(s), &name))
            signal_set_meta(s, (Value)name, signal_ref(s));
        deliver_as_message(env, self, s);
        return NULL;
    }
    case SIG_INFO:
        if (env->ops.info == NULL)
            break;
        env->ops.info(env->ctx, self, s, true);
        return NULL;
    case SIG_TIMEOUT:
        if (self->rtimer != NULL && signal_ref(s) == (uint64_t)self->rtimer->wait_seq)
            self->timed_out = true;
        break;
    case SIG_MESSAGE:
        mailbox_append(&self->mb, s);
        return NULL;
    case SIG_KIND_COUNT: break;
    }
    free_signal(env, s);
    return NULL;
}

/* Pops `self`'s inbound signals in order, messages to the private list, until `one_message`
 * has moved one; see signal_drain. */
static Signal *pop_signals(SigEnv *env, ProcRt *self, bool one_message)
{
    Signal *s;
    while ((s = mailbox_pop(&self->mb)) != NULL) {
        sigpool_prefetch_after(s); /* the next signals of its chunk, while this one is handled */
        if (s->kind == SIG_MESSAGE) {
            mailbox_append(&self->mb, s);
            if (one_message)
                return NULL;
            continue;
        }
        Signal *die = signal_handle(env, self, s);
        if (die != NULL)
            return die;
    }
    return NULL;
}

Signal *signal_drain(SigEnv *env, ProcRt *self)
{
    (void)mailbox_take_others(&self->mb); /* everything is looked at now */
    return pop_signals(env, self, false);
}

Signal *signal_next(SigEnv *env, ProcRt *self)
{
    return pop_signals(env, self, !mailbox_take_others(&self->mb));
}

Signal *signal_schedule_in(SigEnv *env, ProcRt *self)
{
    return mailbox_take_others(&self->mb) ? pop_signals(env, self, false) : NULL;
}

/* ---- death ---- */

/* Answers what is queued for dead `self`: a late link gets an exit signal and a late monitor
 * a DOWN, both with `reason`; everything else is dropped. */
static void answer_queued(SigEnv *env, ProcRt *self, Value reason)
{
    Signal *s;
    while ((s = mailbox_pop(&self->mb)) != NULL) {
        if (s->kind == SIG_LINK)
            signal_push(env, signal_from(s), make_owed(env, SIG_EXIT_LINKED, self->pid, reason, 0));
        else if (s->kind == SIG_MONITOR)
            signal_push(env, signal_from(s), make_owed(env, SIG_DOWN, self->pid, reason, signal_ref(s)));
        if (s->kind == SIG_INFO && env->ops.info != NULL)
            env->ops.info(env->ctx, self, s, false);
        else
            free_signal(env, s);
    }
}

static void notify_links_and_monitors(SigEnv *env, ProcRt *self, Value reason)
{
    SigTables *t = self->tables;
    if (t == NULL)
        return;
    uint32_t pos = 0;
    uint64_t k, v;
    while (idmap_next(&t->links, &pos, &k, &v))
        signal_push(env, (Value)k, make_owed(env, SIG_EXIT_LINKED, self->pid, reason, 0));
    pos = 0;
    while (idmap_next(&t->watchers, &pos, &k, &v))
        signal_push(env, (Value)v, make_owed(env, SIG_DOWN, self->pid, reason, k));
    /* Monitors we hold: tell their targets, so they do not keep us as a watcher. */
    pos = 0;
    while (idmap_next(&t->monitors, &pos, &k, &v)) {
        Signal *s = env->ops.make(env->ctx, SIG_DEMONITOR, self->pid, ATOM_NIL, k);
        if (s != NULL)
            signal_push(env, (Value)v, s);
    }
    proc_rt_destroy(self); /* frees the tables: late signals find none */
}

void signal_process_exit(SigEnv *env, ProcRt *self, Value reason)
{
    registry_close(env->reg, self);
    if (self->rtimer != NULL)
        (void)timer_cancel(&self->rtimer->timer, 0);
    /* Before any signal goes out: whoever gets our DOWN finds us dead. */
    pidtab_free(env->pids, self->pid);
    notify_links_and_monitors(env, self, reason);
    answer_queued(env, self, reason);
    mailbox_recv_begin(&self->mb);
    while (mailbox_recv_peek(&self->mb) != NULL)
        free_signal(env, mailbox_recv_take(&self->mb));
}

void signal_drain_dead(SigEnv *env, ProcRt *self) { answer_queued(env, self, ATOM_NOPROC); }
