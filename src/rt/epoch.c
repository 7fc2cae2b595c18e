/* epoch.c: quiescent-state based reclamation (see epoch.h).
 *
 * Why seq_cst throughout: the proof needs "a reader that announced epoch E+1 cannot see a
 * pointer cleared before the global epoch left E". The clearing store (pidtab_free), the
 * global epoch reads and writes, and the announcements form a store-then-load pattern across
 * threads, which only a single total order (seq_cst) makes safe; acquire/release would not.
 * On x86-64 these loads are plain moves; only stores and the advancing CAS pay.
 */
#include "rt/epoch.h"

#include <stddef.h>

void epoch_init(EpochDomain *d, EpochThread *threads, uint32_t n, EpochFreeFn free_fn,
                void *ctx)
{
    atomic_init(&d->global, 0);
    d->threads = threads;
    d->nthreads = n;
    d->free_fn = free_fn;
    d->ctx = ctx;
    for (uint32_t i = 0; i < n; i++) {
        atomic_init(&threads[i].local, EPOCH_OFFLINE);
        threads[i].limbo = threads[i].limbo_last = NULL;
        threads[i].nlimbo = 0;
    }
}

/* Records that `t` has seen the current global epoch (skipped when nothing changed, to keep
 * the cache line of `local` from bouncing). */
static void announce(EpochDomain *d, EpochThread *t)
{
    uint64_t g = atomic_load(&d->global);
    if (atomic_load_explicit(&t->local, memory_order_relaxed) != g)
        atomic_store(&t->local, g);
}

/* Moves the global epoch on if every online thread has announced it. */
static void try_advance(EpochDomain *d)
{
    uint64_t g = atomic_load(&d->global);
    for (uint32_t i = 0; i < d->nthreads; i++) {
        uint64_t l = atomic_load(&d->threads[i].local);
        if (l != EPOCH_OFFLINE && l != g)
            return;
    }
    atomic_compare_exchange_strong(&d->global, &g, g + 1);
}

/* Frees `t`'s retired nodes that no thread can still read: retired at epoch E, they were
 * unreachable for anyone who announced E+1, and the global epoch reaching E+2 means every
 * online thread has announced E+1 since. */
static void free_ready(EpochDomain *d, EpochThread *t)
{
    uint64_t g = atomic_load(&d->global);
    while (t->limbo != NULL && t->limbo->epoch + 2 <= g) {
        EpochNode *n = t->limbo;
        t->limbo = n->next;
        if (t->limbo == NULL)
            t->limbo_last = NULL;
        t->nlimbo--;
        d->free_fn(d->ctx, n);
    }
}

void epoch_quiescent(EpochDomain *d, EpochThread *t)
{
    announce(d, t);
    if (t->nlimbo == 0)
        return;
    /* Two rounds: a thread running alone frees what it retired one slice ago. */
    for (int round = 0; round < 2; round++) {
        try_advance(d);
        announce(d, t);
    }
    free_ready(d, t);
}

bool epoch_flush(EpochDomain *d, EpochThread *t)
{
    epoch_quiescent(d, t);
    return t->nlimbo > 0;
}

void epoch_offline(EpochThread *t) { atomic_store(&t->local, EPOCH_OFFLINE); }

void epoch_online(EpochDomain *d, EpochThread *t)
{
    /* Announce, then check the epoch did not move meanwhile: an advancer that missed our
     * announcement may move it once, but not twice, so what we read stays valid. */
    uint64_t g = atomic_load(&d->global);
    for (;;) {
        atomic_store(&t->local, g);
        uint64_t now = atomic_load(&d->global);
        if (now == g)
            return;
        g = now;
    }
}

void epoch_retire(EpochDomain *d, EpochThread *t, EpochNode *n)
{
    n->epoch = atomic_load(&d->global);
    n->next = NULL;
    if (t->limbo_last != NULL)
        t->limbo_last->next = n;
    else
        t->limbo = n;
    t->limbo_last = n;
    t->nlimbo++;
}

void epoch_drain_all(EpochDomain *d)
{
    for (uint32_t i = 0; i < d->nthreads; i++) {
        EpochThread *t = &d->threads[i];
        while (t->limbo != NULL) {
            EpochNode *n = t->limbo;
            t->limbo = n->next;
            d->free_fn(d->ctx, n);
        }
        t->limbo_last = NULL;
        t->nlimbo = 0;
    }
}
