/* pidtab.c: the pid table (see pidtab.h). */
#include "rt/pidtab.h"

#include <stdbool.h>
#include <stdlib.h>

#define NO_SLOT UINT32_MAX
/* Freed slots are reused only once this many are waiting: pids keep growing for a while, as
 * on BEAM, and a just-freed pid is not immediately given to someone else. */
#define REUSE_AFTER 1024u

/* This thread's indexes of one table (pidtab.h): `freed` waits to join the table's free list
 * in one batch, `ready` was taken from it in one batch. */
typedef struct PidCache {
    uint64_t table;  /* PidTab.id these indexes belong to; 0 = none */
    bool enabled;    /* false: this thread was past PIDTAB_CACHING_THREADS, use the lock */
    uint32_t nfreed, nready;
    uint32_t freed[PIDTAB_BATCH], ready[PIDTAB_BATCH];
} PidCache;

static _Thread_local PidCache tl_cache;
static _Atomic uint64_t next_table_id = 1;

int pidtab_init(PidTab *t, uint32_t max)
{
    if (max == 0 || max > PIDTAB_INDEX_LIMIT - PIDTAB_SLACK)
        return -1;
    t->nslots = max + PIDTAB_SLACK;
    /* calloc of a large block maps fresh zero pages: untouched slots cost no memory. */
    t->slots = calloc(t->nslots, sizeof *t->slots);
    if (t->slots == NULL)
        return -1;
    if (pthread_mutex_init(&t->lock, NULL) != 0) {
        free(t->slots);
        return -1;
    }
    t->max = max;
    t->id = atomic_fetch_add(&next_table_id, 1);
    t->free_head = t->free_tail = NO_SLOT;
    atomic_init(&t->nfree, 0);
    atomic_init(&t->fresh, 0);
    atomic_init(&t->count, 0);
    atomic_init(&t->caching, 0);
    return 0;
}

void pidtab_destroy(PidTab *t)
{
    pthread_mutex_destroy(&t->lock);
    free(t->slots);
    t->slots = NULL;
}

/* This thread's cache for `t`, or NULL if it does not cache for `t`. */
static PidCache *cache_for(PidTab *t)
{
    PidCache *c = &tl_cache;
    if (c->table != t->id) {
        /* Indexes of a previous table are dropped: only tests use more than one. */
        c->table = t->id;
        c->nfreed = c->nready = 0;
        c->enabled = atomic_fetch_add(&t->caching, 1) < PIDTAB_CACHING_THREADS;
    }
    return c->enabled ? c : NULL;
}

/* Appends `n` indexes to the free list (oldest first). */
static void free_list_put(PidTab *t, const uint32_t *idx, uint32_t n)
{
    for (uint32_t k = 0; k < n; k++)
        t->slots[idx[k]].next_free = NO_SLOT;
    for (uint32_t k = 0; k + 1 < n; k++)
        t->slots[idx[k]].next_free = idx[k + 1];
    pthread_mutex_lock(&t->lock);
    if (t->free_tail == NO_SLOT)
        t->free_head = idx[0];
    else
        t->slots[t->free_tail].next_free = idx[0];
    t->free_tail = idx[n - 1];
    atomic_store_explicit(&t->nfree, atomic_load_explicit(&t->nfree, memory_order_relaxed) + n,
                          memory_order_relaxed);
    pthread_mutex_unlock(&t->lock);
}

/* Takes up to `n` of the oldest free indexes into idx[]; returns how many. */
static uint32_t free_list_take(PidTab *t, uint32_t *idx, uint32_t n)
{
    pthread_mutex_lock(&t->lock);
    uint32_t k = 0;
    while (k < n && t->free_head != NO_SLOT) {
        idx[k++] = t->free_head;
        t->free_head = t->slots[t->free_head].next_free;
    }
    if (t->free_head == NO_SLOT)
        t->free_tail = NO_SLOT;
    atomic_store_explicit(&t->nfree, atomic_load_explicit(&t->nfree, memory_order_relaxed) - k,
                          memory_order_relaxed);
    pthread_mutex_unlock(&t->lock);
    return k;
}

/* The next never-used index, or NO_SLOT when all have been used. */
static uint32_t take_fresh(PidTab *t)
{
    uint32_t f = atomic_load_explicit(&t->fresh, memory_order_relaxed);
    while (f < t->nslots)
        if (atomic_compare_exchange_weak_explicit(&t->fresh, &f, f + 1, memory_order_relaxed,
                                                  memory_order_relaxed))
            return f;
    return NO_SLOT;
}

/* Picks a slot index for a new process; NO_SLOT if none is free to this thread. */
static uint32_t take_index(PidTab *t, PidCache *c)
{
    if (c != NULL && c->nready > 0)
        return c->ready[--c->nready];
    uint32_t buf[PIDTAB_BATCH], want = c != NULL ? PIDTAB_BATCH : 1, got = 0;
    if (atomic_load_explicit(&t->nfree, memory_order_relaxed) > REUSE_AFTER)
        got = free_list_take(t, buf, want);
    if (got == 0) {
        uint32_t i = take_fresh(t);
        if (i != NO_SLOT)
            return i;
        if (c != NULL && c->nfreed > 0) { /* all used: what this thread freed comes back */
            free_list_put(t, c->freed, c->nfreed);
            c->nfreed = 0;
        }
        got = free_list_take(t, buf, want);
    }
    if (got == 0)
        return NO_SLOT;
    /* Oldest first: hand out buf[0] now, keep the rest as a stack with buf[1] on top. */
    for (uint32_t k = 1; k < got; k++)
        c->ready[got - 1 - k] = buf[k];
    if (c != NULL)
        c->nready = got - 1;
    return buf[0];
}

Value pidtab_alloc(PidTab *t, ProcRt *p)
{
    if (atomic_fetch_add_explicit(&t->count, 1, memory_order_relaxed) >= t->max) {
        atomic_fetch_sub_explicit(&t->count, 1, memory_order_relaxed);
        return 0;
    }
    uint32_t i = take_index(t, cache_for(t));
    if (i == NO_SLOT) {
        atomic_fetch_sub_explicit(&t->count, 1, memory_order_relaxed);
        return 0;
    }
    p->pid = val_pid(i, t->slots[i].serial);
    /* seq_cst (at least release): a reader that finds p also sees p->pid and p's init. */
    atomic_store(&t->slots[i].proc, p);
    return p->pid;
}

void pidtab_free(PidTab *t, Value pid)
{
    uint32_t i = val_pid_index(pid);
    /* seq_cst: ordered before the retiring thread's read of the global epoch (epoch.c). */
    atomic_store(&t->slots[i].proc, NULL);
    t->slots[i].serial = (t->slots[i].serial + 1) & 0x3fffffffu;
    atomic_fetch_sub_explicit(&t->count, 1, memory_order_relaxed);
    PidCache *c = cache_for(t);
    if (c == NULL) {
        free_list_put(t, &i, 1);
        return;
    }
    c->freed[c->nfreed++] = i;
    if (c->nfreed == PIDTAB_BATCH) {
        free_list_put(t, c->freed, c->nfreed);
        c->nfreed = 0;
    }
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
