/* Unit tests of src/rt/signal: BEAM's rules for links, monitors and exit signals, checked on
 * processes that are driven by hand (each test drains mailboxes itself, no scheduler runs).
 * Values are immediates, so payload copies are empty; messages the signal layer builds
 * ({:EXIT, ...}, {:DOWN, ...}) are recorded in `recs` and carried as their index. */
#include <criterion/criterion.h>
#include <stdlib.h>

#include "rt/signal.h"

typedef struct Rec {
    SigKind kind;
    Value from, reason;
    uint64_t ref;
} Rec;

static Rec recs[256];
static int nrecs;

static Signal *fake_make(void *ctx, SigKind kind, Value from, Value v, uint64_t ref)
{
    (void)ctx;
    Signal *s = calloc(1, sizeof *s + SIGNAL_META_WORDS * sizeof(Value));
    s->kind = (uint8_t)kind;
    signal_set_meta(s, from, ref);
    s->payload = v;
    return s;
}

static void fake_free(void *ctx, Signal *s)
{
    (void)ctx;
    free(s);
}

static bool fake_to_message(void *ctx, ProcRt *self, Signal *s)
{
    (void)ctx;
    (void)self;
    recs[nrecs] = (Rec){(SigKind)s->kind, signal_from(s), s->payload, signal_ref(s)};
    s->aux = s->kind;
    s->kind = SIG_MESSAGE;
    s->payload = val_small(nrecs++);
    return true;
}

static PidTab pids;
static Registry reg;
static Sched sched;
static SigEnv env;

static RunResult never_run(void *ctx, ProcRt *p, uint32_t budget)
{
    (void)ctx, (void)p, (void)budget;
    return RUN_EXIT;
}
static void no_exit(void *ctx, ProcRt *p) { (void)ctx, (void)p; }

static void setup(void)
{
    nrecs = 0;
    cr_assert_eq(pidtab_init(&pids, 64), 0);
    cr_assert_eq(registry_init(&reg), 0);
    SchedConfig cfg = {.threads = 1, .run = never_run, .exited = no_exit, .reclaim = no_exit};
    cr_assert_eq(sched_init(&sched, &cfg), 0);
    env = (SigEnv){&pids, &sched, &reg, {fake_make, fake_free, fake_to_message}, NULL};
}

static void teardown(void)
{
    sched_destroy(&sched);
    registry_destroy(&reg);
    pidtab_destroy(&pids);
}

static ProcRt *proc(void)
{
    ProcRt *p = calloc(1, sizeof *p);
    proc_rt_init(p);
    cr_assert_neq(pidtab_alloc(&pids, p), 0);
    return p;
}

/* The process exits with `reason` and is then freed as the reclaim callback would. */
static void die(ProcRt *p, Value reason)
{
    signal_process_exit(&env, p, reason);
    signal_drain_dead(&env, p);
    proc_rt_destroy(p);
    free(p);
}

/* Drains `p` and expects it to live on. */
static void drain_alive(ProcRt *p)
{
    Signal *d = signal_drain(&env, p);
    cr_assert_null(d, "the process should not have been killed (reason %lx)",
                   d ? (unsigned long)d->payload : 0ul);
}

/* Drains `p` and returns the reason it must exit with (fails if it would live). */
static Value drain_dead(ProcRt *p)
{
    Signal *d = signal_drain(&env, p);
    cr_assert_not_null(d, "expected the process to be killed");
    Value r = d->payload;
    free(d);
    return r;
}

/* Takes the oldest message of `p` and returns what it was built from. */
static Rec take(ProcRt *p)
{
    mailbox_recv_begin(&p->mb);
    Signal *s = mailbox_recv_peek(&p->mb);
    cr_assert_not_null(s, "expected a message, the mailbox is empty");
    s = mailbox_recv_take(&p->mb);
    Rec r = {SIG_MESSAGE, signal_from(s), s->payload, signal_ref(s)};
    if (s->aux != SIG_MESSAGE)
        r = recs[val_small_get(s->payload)];
    free(s);
    return r;
}

static void expect_empty(ProcRt *p)
{
    mailbox_recv_begin(&p->mb);
    cr_assert_null(mailbox_recv_peek(&p->mb), "expected no message");
}

static void cleanup(ProcRt *p) { die(p, ATOM_NORMAL); }

/* Entries in p's link / monitor / watcher table (0 when it has no tables). */
static uint32_t nlinks(ProcRt *p) { return p->tables ? idmap_count(&p->tables->links) : 0; }
static uint32_t nmonitors(ProcRt *p) { return p->tables ? idmap_count(&p->tables->monitors) : 0; }
static uint32_t nwatchers(ProcRt *p) { return p->tables ? idmap_count(&p->tables->watchers) : 0; }

#define BOOM val_atom(ATOM_FIXED_COUNT + 1)

Test(signal, abnormal_exit_kills_a_linked_process, .init = setup, .fini = teardown)
{
    ProcRt *a = proc(), *b = proc();
    cr_assert_eq(signal_link(&env, a, b->pid), SIG_OK);
    drain_alive(b);
    cr_assert(b->tables && idmap_get(&b->tables->links, a->pid, NULL),
              "b should know the link once drained");
    die(b, BOOM);
    cr_assert_eq(drain_dead(a), BOOM, "a should die with b's reason");
    cr_assert_eq(nlinks(a), 0);
    cleanup(a);
}

Test(signal, normal_exit_does_not_kill_a_linked_process, .init = setup, .fini = teardown)
{
    ProcRt *a = proc(), *b = proc();
    cr_assert_eq(signal_link_new(a, b), SIG_OK);
    die(b, ATOM_NORMAL);
    drain_alive(a);
    expect_empty(a);
    cr_assert_eq(nlinks(a), 0, "the link must go with b");
    cleanup(a);
}

Test(signal, trapping_turns_exit_signals_into_messages, .init = setup, .fini = teardown)
{
    ProcRt *a = proc(), *b = proc(), *c = proc();
    Value bpid = b->pid;
    signal_trap_exit(a, true);
    cr_assert_eq(signal_link_new(a, b), SIG_OK);
    cr_assert_eq(signal_link_new(a, c), SIG_OK);
    die(b, BOOM);
    die(c, ATOM_NORMAL);
    drain_alive(a);
    Rec r = take(a);
    cr_assert_eq(r.kind, SIG_EXIT_LINKED);
    cr_assert_eq(r.from, bpid);
    cr_assert_eq(r.reason, BOOM, "expected {:EXIT, b, :boom}");
    r = take(a);
    cr_assert_eq(r.reason, ATOM_NORMAL, "a trapping process also gets {:EXIT, c, :normal}");
    cleanup(a);
}

Test(signal, exit2_kill_is_untrappable_and_reads_killed, .init = setup, .fini = teardown)
{
    ProcRt *a = proc(), *b = proc();
    signal_trap_exit(b, true);
    cr_assert_null(signal_exit(&env, a, b->pid, ATOM_KILL));
    cr_assert_eq(drain_dead(b), ATOM_KILLED, "exit(pid, :kill) must kill with :killed");
    free(b);
    cleanup(a);
}

Test(signal, exit2_normal_rules, .init = setup, .fini = teardown)
{
    ProcRt *a = proc(), *b = proc(), *t = proc();
    cr_assert_null(signal_exit(&env, a, b->pid, ATOM_NORMAL));
    drain_alive(b); /* exit(other, :normal) is ignored by a process not trapping */
    signal_trap_exit(t, true);
    cr_assert_null(signal_exit(&env, a, t->pid, ATOM_NORMAL));
    drain_alive(t);
    Rec r = take(t);
    cr_assert_eq(r.kind, SIG_EXIT);
    cr_assert_eq(r.from, a->pid);
    cr_assert_eq(r.reason, ATOM_NORMAL, "trapping: {:EXIT, from, :normal}");
    Signal *d = signal_exit(&env, a, a->pid, ATOM_NORMAL);
    cr_assert_not_null(d, "exit(self(), :normal) must end a process not trapping exits");
    cr_assert_eq(d->payload, ATOM_NORMAL);
    free(d);
    cleanup(a);
    cleanup(b);
    cleanup(t);
}

Test(signal, link_propagated_kill_is_trappable_and_kills_with_kill, .init = setup,
     .fini = teardown)
{
    ProcRt *a = proc(), *b = proc(), *c = proc();
    signal_trap_exit(a, true);
    cr_assert_eq(signal_link_new(a, b), SIG_OK);
    cr_assert_eq(signal_link_new(c, b), SIG_OK);
    die(b, ATOM_KILL); /* b called exit(:kill) */
    drain_alive(a);
    cr_assert_eq(take(a).reason, ATOM_KILL, "trapping: {:EXIT, b, :kill}");
    cr_assert_eq(drain_dead(c), ATOM_KILL, "not trapping: dies with :kill, not :killed");
    die(c, ATOM_KILL); /* and is freed with its link table, as the runtime would */
    cleanup(a);
}

Test(signal, link_to_a_dead_process, .init = setup, .fini = teardown)
{
    ProcRt *a = proc(), *b = proc();
    Value dead = b->pid;
    die(b, ATOM_NORMAL);
    cr_assert_eq(signal_link(&env, a, dead), SIG_NOPROC, "not trapping: link raises :noproc");
    cr_assert_eq(nlinks(a), 0);
    signal_trap_exit(a, true);
    cr_assert_eq(signal_link(&env, a, dead), SIG_OK);
    drain_alive(a);
    Rec r = take(a);
    cr_assert_eq(r.from, dead);
    cr_assert_eq(r.reason, ATOM_NOPROC, "trapping: {:EXIT, pid, :noproc}");
    cr_assert_eq(signal_link(&env, a, a->pid), SIG_OK, "linking to itself does nothing");
    cr_assert_eq(nlinks(a), 0);
    cleanup(a);
}

Test(signal, monitor_delivers_down_with_the_reason, .init = setup, .fini = teardown)
{
    ProcRt *a = proc(), *b = proc();
    Value bpid = b->pid;
    cr_assert_eq(signal_monitor(&env, a, bpid, 7, 0), SIG_OK);
    drain_alive(b);
    die(b, BOOM);
    drain_alive(a);
    Rec r = take(a);
    cr_assert_eq(r.kind, SIG_DOWN);
    cr_assert_eq(r.ref, 7);
    cr_assert_eq(r.from, bpid);
    cr_assert_eq(r.reason, BOOM);
    cr_assert_eq(nmonitors(a), 0, "a fired monitor is gone");
    cr_assert_eq(signal_monitor(&env, a, bpid, 8, 0), SIG_OK);
    drain_alive(a);
    r = take(a);
    cr_assert_eq(r.ref, 8);
    cr_assert_eq(r.reason, ATOM_NOPROC, "monitoring a dead pid: DOWN :noproc");
    cleanup(a);
}

Test(signal, demonitor_suppresses_down_even_if_already_sent, .init = setup, .fini = teardown)
{
    ProcRt *a = proc(), *b = proc();
    cr_assert_eq(signal_monitor_new(a, b, 9), SIG_OK);
    die(b, BOOM); /* DOWN is in a's queue, not yet drained */
    cr_assert(signal_demonitor(&env, a, 9, false));
    drain_alive(a);
    expect_empty(a);
    cr_assert_not(signal_demonitor(&env, a, 9, false), "second demonitor: not active");
    cleanup(a);
}

Test(signal, demonitor_flush_removes_a_received_down, .init = setup, .fini = teardown)
{
    ProcRt *a = proc(), *b = proc(), *c = proc();
    cr_assert_eq(signal_monitor_new(a, b, 10), SIG_OK);
    cr_assert_eq(signal_monitor_new(a, c, 11), SIG_OK);
    cr_assert_eq(signal_push(&env, a->pid, fake_make(NULL, SIG_MESSAGE, 0, val_small(5), 0)), SIG_OK);
    die(b, BOOM);
    die(c, BOOM);
    drain_alive(a);
    cr_assert_eq(mailbox_len(&a->mb), 3);
    cr_assert(signal_demonitor(&env, a, 10, true) == false, "the monitor already fired");
    cr_assert_eq(mailbox_len(&a->mb), 2, "flush must remove the DOWN for ref 10 only");
    cr_assert_eq(take(a).reason, val_small(5));
    cr_assert_eq(take(a).ref, 11);
    cleanup(a);
}

Test(signal, demonitor_tells_the_target, .init = setup, .fini = teardown)
{
    ProcRt *a = proc(), *b = proc();
    cr_assert_eq(signal_monitor(&env, a, b->pid, 12, 0), SIG_OK);
    drain_alive(b);
    cr_assert_eq(nwatchers(b), 1);
    signal_demonitor(&env, a, 12, false);
    drain_alive(b);
    cr_assert_eq(nwatchers(b), 0, "the target must forget the watcher");
    cleanup(a);
    cleanup(b);
}

Test(signal, unlink_removes_both_sides, .init = setup, .fini = teardown)
{
    ProcRt *a = proc(), *b = proc();
    Value bpid = b->pid;
    cr_assert_eq(signal_link_new(a, b), SIG_OK);
    signal_unlink(&env, a, bpid);
    drain_alive(b);
    cr_assert_eq(nlinks(b), 0);
    die(b, BOOM);
    drain_alive(a);
    cleanup(a);
}

/* b's exit signal is already on its way when a unlinks: a must ignore it. */
Test(signal, exit_signal_after_unlink_is_ignored, .init = setup, .fini = teardown)
{
    ProcRt *a = proc(), *b = proc();
    Value bpid = b->pid;
    cr_assert_eq(signal_link_new(a, b), SIG_OK);
    die(b, BOOM);
    signal_unlink(&env, a, bpid);
    drain_alive(a);
    cleanup(a);
}

Test(signal, late_link_and_monitor_requests_are_answered, .init = setup, .fini = teardown)
{
    ProcRt *a = proc(), *b = proc(), *c = proc();
    Value bpid = b->pid;
    signal_trap_exit(a, true);
    /* Requests queued before b exits get b's real reason. */
    cr_assert_eq(signal_link(&env, a, bpid), SIG_OK);
    cr_assert_eq(signal_monitor(&env, a, bpid, 20, 0), SIG_OK);
    signal_process_exit(&env, b, BOOM);
    /* One that reaches b after it exited (a sender that looked it up just before) gets
     * :noproc when b is reclaimed. */
    mailbox_push(&b->mb, fake_make(NULL, SIG_MONITOR, c->pid, ATOM_NIL, 21));
    cr_assert_eq(signal_monitor_new(c, c, 21), SIG_OK); /* c holds monitor 21 ... */
    cr_assert_eq(idmap_put(&c->tables->monitors, 21, bpid), 0); /* ... on b */
    idmap_remove(&c->tables->watchers, 21, NULL);
    signal_drain_dead(&env, b);
    proc_rt_destroy(b);
    free(b);
    drain_alive(a);
    Rec r = take(a);
    cr_assert_eq(r.kind, SIG_EXIT_LINKED);
    cr_assert_eq(r.reason, BOOM);
    r = take(a);
    cr_assert_eq(r.kind, SIG_DOWN);
    cr_assert_eq(r.reason, BOOM);
    drain_alive(c);
    r = take(c);
    cr_assert_eq(r.ref, 21);
    cr_assert_eq(r.reason, ATOM_NOPROC);
    cleanup(a);
    cleanup(c);
}

Test(signal, messages_then_exit_arrive_in_send_order, .init = setup, .fini = teardown)
{
    ProcRt *a = proc(), *b = proc();
    signal_trap_exit(a, true);
    cr_assert_eq(signal_link_new(a, b), SIG_OK);
    for (int i = 0; i < 3; i++)
        signal_push(&env, a->pid, fake_make(NULL, SIG_MESSAGE, b->pid, val_small(i), 0));
    die(b, BOOM);
    drain_alive(a);
    for (int i = 0; i < 3; i++)
        cr_assert_eq(take(a).reason, val_small(i), "message %d out of order", i);
    cr_assert_eq(take(a).reason, BOOM, "the exit must come after b's messages");
    cleanup(a);
}

Test(signal, exit_releases_the_registered_name_and_the_pid, .init = setup, .fini = teardown)
{
    ProcRt *b = proc();
    Value bpid = b->pid;
    cr_assert_eq(registry_register(&reg, 77, b), REG_OK);
    die(b, ATOM_NORMAL);
    cr_assert_eq(registry_whereis(&reg, 77), 0);
    cr_assert_null(pidtab_lookup(&pids, bpid));
    ProcRt *a = proc();
    cr_assert_eq(signal_push(&env, bpid, fake_make(NULL, SIG_MESSAGE, a->pid, val_small(1), 0)),
                 SIG_NOPROC, "a message to a dead pid is dropped");
    cleanup(a);
}

Test(signal, receive_timeout_only_for_the_current_wait, .init = setup, .fini = teardown)
{
    ProcRt *a = proc();
    cr_assert_not_null(proc_rt_timer(a));
    a->rtimer->wait_seq = 3;
    mailbox_push(&a->mb, fake_make(NULL, SIG_TIMEOUT, 0, ATOM_NIL, 2));
    drain_alive(a);
    cr_assert_not(a->timed_out, "a stale timeout must be ignored");
    mailbox_push(&a->mb, fake_make(NULL, SIG_TIMEOUT, 0, ATOM_NIL, 3));
    drain_alive(a);
    cr_assert(a->timed_out);
    cleanup(a);
}

Test(signal, monitor_by_name_reports_the_name, .init = setup, .fini = teardown)
{
    ProcRt *a = proc(), *b = proc();
    Value name = val_atom(ATOM_FIXED_COUNT + 5);
    cr_assert_eq(signal_monitor(&env, a, b->pid, 30, name), SIG_OK);
    drain_alive(b);
    die(b, BOOM);
    drain_alive(a);
    Rec r = take(a);
    cr_assert_eq(r.kind, SIG_DOWN);
    cr_assert_eq(r.from, name, "a monitor by name names the name in its DOWN");
    cr_assert_eq(signal_monitor(&env, a, 0, 31, name), SIG_OK);
    drain_alive(a);
    r = take(a);
    cr_assert_eq(r.ref, 31);
    cr_assert_eq(r.from, name);
    cr_assert_eq(r.reason, ATOM_NOPROC, "an unregistered name: DOWN :noproc at once");
    cleanup(a);
}
