/* pidtab.c: the pid table (see pidtab.h). */
#include "rt/pidtab.h"

#include <stdlib.h>
#include <string.h>

#include "rt/lock.h"

#define NO_SLOT UINT32_MAX
/* Entries of the free ring at first (a power of 2; it doubles when full). */
#define RING_FIRST 4096u
/* Freed slots are reused only once this many are waiting: pids keep growing for a while, as
 * on BEAM, and a just-freed pid is not immediately given to someone else. */
#define REUSE_AFTER 1024u
/* Credit is reserved in batches only while this far below the limit; closer, one at a time,
 * so unused credit parked in other threads' caches is small and can be taken back. */
#define BATCH_HEADROOM (2u * PIDTAB_BATCH * PIDTAB_CACHING_THREADS)

/* Which cache of which table this thread uses (NO_SLOT: none, it takes the lock). */
static _Thread_local struct {
    uint64_t table;
    uint32_t cache;
} tl_cache = {0, NO_SLOT};
static _Atomic uint64_t next_table_id = 1;

int pidtab_init(PidTab *t, uint32_t max)
{
    if (max == 0 || max > PIDTAB_INDEX_LIMIT - PIDTAB_SLACK)
        return -1;
    t->nslots = max + PIDTAB_SLACK;
    /* calloc of a large block maps fresh zero pages: untouched slots cost no memory. */
    t->slots = calloc(t->nslots, sizeof *t->slots);
    t->ring_max = RING_FIRST;
    while (t->ring_max < t->nslots)
        t->ring_max *= 2;
    t->ring_cap = RING_FIRST;
    t->free_ring = calloc(t->ring_max, sizeof *t->free_ring);
    t->caches = cacheline_calloc(PIDTAB_CACHING_THREADS, sizeof *t->caches);
    if (t->slots == NULL || t->free_ring == NULL || t->caches == NULL ||
        short_lock_init(&t->lock) != 0) {
        free(t->slots);
        free(t->free_ring);
        free(t->caches);
        return -1;
    }
    t->max = max;
    t->id = atomic_fetch_add(&next_table_id, 1);
    t->free_at = 0;
    atomic_init(&t->nfree, 0);
    atomic_init(&t->fresh, 0);
    atomic_init(&t->count, 0);
    atomic_init(&t->ncaches, 0);
    return 0;
}

void pidtab_destroy(PidTab *t)
{
    pthread_mutex_destroy(&t->lock);
    free(t->slots);
    free(t->free_ring);
    free(t->caches);
    t->slots = NULL;
    t->free_ring = NULL;
    t->caches = NULL;
}

/* This thread's cache in `t`, claimed on first use; NULL once all are taken. */
static PidCache *cache_for(PidTab *t)
{
    if (tl_cache.table != t->id) {
        tl_cache.table = t->id;
        uint32_t k = atomic_fetch_add_explicit(&t->ncaches, 1, memory_order_relaxed);
        tl_cache.cache = k < PIDTAB_CACHING_THREADS ? k : NO_SLOT;
    }
    return tl_cache.cache != NO_SLOT ? &t->caches[tl_cache.cache] : NULL;
}

/* How many of the table's caches threads have claimed. */
static uint32_t claimed_caches(PidTab *t)
{
    uint32_t n = atomic_load_explicit(&t->ncaches, memory_order_relaxed);
    return n < PIDTAB_CACHING_THREADS ? n : PIDTAB_CACHING_THREADS;
}

/* ---- the process count and credit ---- */

/* Adds `n` to the count if that keeps it within `limit`. */
static bool reserve(PidTab *t, uint32_t n, uint32_t limit)
{
    uint32_t v = atomic_load_explicit(&t->count, memory_order_relaxed);
    while (v <= limit && n <= limit - v)
        if (atomic_compare_exchange_weak_explicit(&t->count, &v, v + n, memory_order_relaxed,
                                                  memory_order_relaxed))
            return true;
    return false;
}

/* Takes every cache's unused credit back into the count. */
static void reclaim_credit(PidTab *t)
{
    uint32_t n = claimed_caches(t);
    for (uint32_t k = 0; k < n; k++) {
        uint32_t got = atomic_exchange_explicit(&t->caches[k].credit, 0, memory_order_relaxed);
        if (got != 0)
            atomic_fetch_sub_explicit(&t->count, got, memory_order_relaxed);
    }
}

/* Counts one more process against the limit; false if `max` are alive. */
static bool take_credit(PidTab *t, PidCache *c)
{
    if (c != NULL) {
        uint32_t v = atomic_load_explicit(&c->credit, memory_order_relaxed);
        while (v > 0)
            if (atomic_compare_exchange_weak_explicit(&c->credit, &v, v - 1,
                                                      memory_order_relaxed,
                                                      memory_order_relaxed))
                return true;
        if (t->max > BATCH_HEADROOM && reserve(t, PIDTAB_BATCH, t->max - BATCH_HEADROOM)) {
            atomic_fetch_add_explicit(&c->credit, PIDTAB_BATCH - 1, memory_order_relaxed);
            return true;
        }
    }
    if (reserve(t, 1, t->max))
        return true;
    reclaim_credit(t);
    return reserve(t, 1, t->max);
}

/* One process fewer: its unit becomes this thread's credit (given back past two batches). */
static void give_credit(PidTab *t, PidCache *c)
{
    if (c == NULL) {
        atomic_fetch_sub_explicit(&t->count, 1, memory_order_relaxed);
        return;
    }
    uint32_t v = atomic_fetch_add_explicit(&c->credit, 1, memory_order_relaxed) + 1;
    while (v > 2 * PIDTAB_BATCH)
        if (atomic_compare_exchange_weak_explicit(&c->credit, &v, v - PIDTAB_BATCH,
                                                  memory_order_relaxed, memory_order_relaxed)) {
            atomic_fetch_sub_explicit(&t->count, PIDTAB_BATCH, memory_order_relaxed);
            break;
        }
}

uint32_t pidtab_count(PidTab *t)
{
    uint32_t n = atomic_load_explicit(&t->count, memory_order_relaxed);
    uint32_t k = claimed_caches(t);
    for (uint32_t i = 0; i < k; i++) {
        uint32_t c = atomic_load_explicit(&t->caches[i].credit, memory_order_relaxed);
        n = c < n ? n - c : 0;
    }
    return n;
}

/* ---- slot indexes ---- */

/* Doubles the ring in place (lock held): the entries that wrapped around to its start move to
 * just past its old end, where the doubled ring continues. */
static void ring_grow(PidTab *t, uint32_t nfree)
{
    uint32_t old = t->ring_cap;
    if (t->free_at + nfree > old)
        memcpy(&t->free_ring[old], &t->free_ring[0],
               (size_t)(t->free_at + nfree - old) * sizeof *t->free_ring);
    t->ring_cap = 2 * old;
}

/* Appends `n` indexes to the free ring (oldest first). It cannot overflow: an index is in the
 * ring at most once, there are `nslots` of them, and the ring can grow to ring_max >= nslots
 * entries without allocating. It grows only as far as the free indexes need: a ring of all
 * `nslots` entries, walked round by a million spawns, touched 4 MB of fresh pages. */
static void free_list_put(PidTab *t, const uint32_t *idx, uint32_t n)
{
    pthread_mutex_lock(&t->lock);
    uint32_t nfree = atomic_load_explicit(&t->nfree, memory_order_relaxed);
    while (nfree + n > t->ring_cap)
        ring_grow(t, nfree);
    uint32_t mask = t->ring_cap - 1;
    for (uint32_t k = 0; k < n; k++)
        t->free_ring[(t->free_at + nfree + k) & mask] = idx[k];
    atomic_store_explicit(&t->nfree, nfree + n, memory_order_relaxed);
    pthread_mutex_unlock(&t->lock);
}

/* Takes up to `n` of the oldest free indexes into idx[]; returns how many. */
static uint32_t free_list_take(PidTab *t, uint32_t *idx, uint32_t n)
{
    pthread_mutex_lock(&t->lock);
    uint32_t nfree = atomic_load_explicit(&t->nfree, memory_order_relaxed);
    uint32_t k = nfree < n ? nfree : n;
    for (uint32_t i = 0; i < k; i++) {
        idx[i] = t->free_ring[t->free_at];
        t->free_at = (t->free_at + 1) & (t->ring_cap - 1);
    }
    atomic_store_explicit(&t->nfree, nfree - k, memory_order_relaxed);
    pthread_mutex_unlock(&t->lock);
    return k;
}

/* Moves the indexes this thread freed to the free ring. */
static void flush_freed(PidTab *t, PidCache *c)
{
    if (c->nfreed > 0)
        free_list_put(t, c->freed, c->nfreed);
    c->nfreed = 0;
}

/* Takes up to `n` never-used indexes, in increasing order, into idx[]; returns how many. */
static uint32_t take_fresh(PidTab *t, uint32_t *idx, uint32_t n)
{
    uint32_t f = atomic_load_explicit(&t->fresh, memory_order_relaxed), k;
    do {
        if (f >= t->nslots)
            return 0;
        k = t->nslots - f < n ? t->nslots - f : n;
    } while (!atomic_compare_exchange_weak_explicit(&t->fresh, &f, f + k, memory_order_relaxed,
                                                    memory_order_relaxed));
    for (uint32_t i = 0; i < k; i++)
        idx[i] = f + i;
    return k;
}

/* Picks a slot index for a new process; NO_SLOT if none is free to this thread. */
static uint32_t take_index(PidTab *t, PidCache *c)
{
    if (c != NULL && c->nready > 0)
        return c->ready[--c->nready];
    uint32_t buf[PIDTAB_BATCH], want = c != NULL ? PIDTAB_BATCH : 1, got = 0;
    if (atomic_load_explicit(&t->nfree, memory_order_relaxed) > REUSE_AFTER) {
        got = free_list_take(t, buf, want);
        /* Freed slots were last written by whichever thread freed them, often another core:
         * ask for all their lines now, side by side, instead of one miss per spawn. */
        for (uint32_t k = 0; k < got; k++)
            prefetch_write(&t->slots[buf[k]]);
    }
    if (got == 0)
        got = take_fresh(t, buf, want);
    if (got == 0) {
        if (c != NULL) /* all used: what this thread freed comes back */
            flush_freed(t, c);
        got = free_list_take(t, buf, want);
    }
    if (got == 0)
        return NO_SLOT;
    if (c != NULL) { /* hand out buf[0] now; buf[1] is next, on top of the stack */
        for (uint32_t k = 1; k < got; k++)
            c->ready[got - 1 - k] = buf[k];
        c->nready = got - 1;
    }
    return buf[0];
}

Value pidtab_alloc(PidTab *t, ProcRt *p)
{
    PidCache *c = cache_for(t);
    if (!take_credit(t, c))
        return 0;
    uint32_t i = take_index(t, c);
    if (i == NO_SLOT) {
        give_credit(t, c);
        return 0;
    }
    /* The serial was written by whoever freed the slot, before the index reached us through
     * the table lock or this thread's own cache. */
    p->pid = val_pid(i, atomic_load_explicit(&t->slots[i].serial, memory_order_relaxed));
    /* release: a reader that finds p also sees p->pid and p's init. (Only the clearing store
     * in pidtab_free takes part in the epoch argument and needs seq_cst; this one as seq_cst
     * was a locked instruction that waited for every store of the spawn before it, 5% of
     * skynet on two threads.) */
    atomic_store_explicit(&t->slots[i].proc, p, memory_order_release);
    return p->pid;
}

void pidtab_free(PidTab *t, Value pid)
{
    uint32_t i = val_pid_index(pid);
    /* seq_cst: ordered before the retiring thread's read of the global epoch (epoch.c). */
    atomic_store(&t->slots[i].proc, NULL);
    uint32_t serial = atomic_load_explicit(&t->slots[i].serial, memory_order_relaxed);
    atomic_store_explicit(&t->slots[i].serial, (serial + 1) & 0x3fffffffu, memory_order_relaxed);
    PidCache *c = cache_for(t);
    give_credit(t, c);
    if (c == NULL) {
        free_list_put(t, &i, 1);
        return;
    }
    c->freed[c->nfreed++] = i;
    if (c->nfreed == PIDTAB_BATCH)
        flush_freed(t, c);
}

uint32_t pidtab_list(PidTab *t, Value *out, uint32_t cap)
{
    uint32_t used = atomic_load(&t->fresh);
    uint32_t n = 0;
    for (uint32_t i = 0; i < used; i++) {
        ProcRt *p = atomic_load(&t->slots[i].proc);
        if (p == NULL)
            continue;
        if (n < cap)
            out[n] = p->pid;
        n++;
    }
    return n;
}
