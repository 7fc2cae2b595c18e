/* sendafter.c: Process.send_after/3 and Process.cancel_timer/1 (runtime.h).
 *
 * A timer is a malloc'd SendAfter armed on the heap of the worker that created it; the
 * runtime's `timers` table (under timers_lock) maps its reference number to it, so any process
 * can cancel it. Ownership: whoever removes the entry from the table frees the timer. The fire
 * callback removes it once the heap let go of it; a cancel that finds it still in its heap
 * removes both, and one that finds it already taken out by the heap (firing) leaves it to the
 * fire callback and answers false, as the message is on its way. Lock order: timers_lock, then
 * a heap's lock (inside timer_cancel); the fire callback runs with neither held.
 */
#include <stdio.h>
#include <stdlib.h>

#include "rt/runtime.h"
#include "rt/sigpool.h"
#include "vm/error.h"

typedef struct SendAfter {
    Timer timer;    /* first: the fire callback gets its address */
    Value dest;     /* a pid or a registered name (looked up when it fires) */
    Signal *msg;    /* the message, already copied */
    uint64_t ref;   /* the reference number, key in Runtime.timers */
} SendAfter;

static void drop(SendAfter *t)
{
    sigpool_free(t->msg);
    free(t);
}

static void fired(Timer *timer, uint64_t ref)
{
    Runtime *rt = rt_get();
    pthread_mutex_lock(&rt->timers_lock);
    bool mine = idmap_remove(&rt->timers, ref, NULL);
    pthread_mutex_unlock(&rt->timers_lock);
    if (!mine)
        return; /* cannot happen: only the heap took it out, so no cancel removed it */
    SendAfter *t = (SendAfter *)timer;
    Value pid = rt_resolve(t->dest);
    ProcRt *to = pid != THE_NON_VALUE && pid != 0 ? pidtab_lookup(&rt->pids, pid) : NULL;
    if (to != NULL) {
        if (mailbox_push(&to->mb, t->msg))
            sched_enqueue(&rt->sched, to);
        t->msg = NULL;
        free(t);
        return;
    }
    drop(t);
}

Value rt_send_after(Process *p, Value dest, Value msg, int64_t ms)
{
    Runtime *rt = rt_get();
    Value ref = val_make_ref(&p->arena);
    SendAfter *t = malloc(sizeof *t);
    Signal *m = t != NULL ? rt_signal_new(SIG_MESSAGE, p->rt.pid, msg, 0) : NULL;
    if (ref == THE_NON_VALUE || m == NULL) {
        sigpool_free(m);
        free(t);
        return err_system_limit(p);
    }
    t->msg = m;
    t->dest = dest; /* an immediate: a pid or an atom */
    t->ref = val_ref_get(ref);
    timer_init(&t->timer);
    pthread_mutex_lock(&rt->timers_lock);
    bool ok = idmap_put(&rt->timers, t->ref, (uint64_t)(uintptr_t)t) >= 0 &&
              sched_timer_start(&rt->sched, &t->timer, sched_now(&rt->sched) + (uint64_t)ms, fired,
                                t->ref) == 0;
    if (!ok)
        idmap_remove(&rt->timers, t->ref, NULL);
    pthread_mutex_unlock(&rt->timers_lock);
    if (!ok) {
        drop(t);
        return err_system_limit(p);
    }
    return ref;
}

Value rt_cancel_timer(Process *p, Value ref)
{
    (void)p;
    Runtime *rt = rt_get();
    uint64_t v;
    int64_t left = -1;
    SendAfter *gone = NULL;
    pthread_mutex_lock(&rt->timers_lock);
    if (idmap_get(&rt->timers, val_ref_get(ref), &v)) {
        SendAfter *t = (SendAfter *)(uintptr_t)v;
        left = timer_cancel(&t->timer, sched_now(&rt->sched));
        if (left >= 0) {
            idmap_remove(&rt->timers, t->ref, NULL);
            gone = t;
        }
    }
    pthread_mutex_unlock(&rt->timers_lock);
    if (gone != NULL)
        drop(gone);
    return left >= 0 ? val_small(left) : ATOM_FALSE;
}
