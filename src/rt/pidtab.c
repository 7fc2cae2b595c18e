/* pidtab.c: the pid table (see pidtab.h). */
#include "rt/pidtab.h"

#include <stdlib.h>

#define NO_SLOT UINT32_MAX
/* Freed slots are reused only once this many are waiting: pids keep growing for a while, as
 * on BEAM, and a just-freed pid is not immediately given to someone else. */
#define REUSE_AFTER 1024u

int pidtab_init(PidTab *t, uint32_t max)
{
    if (max == 0 || max > PIDTAB_INDEX_LIMIT)
        return -1;
    /* calloc of a large block maps fresh zero pages: untouched slots cost no memory. */
    t->slots = calloc(max, sizeof *t->slots);
    if (t->slots == NULL)
        return -1;
    if (pthread_mutex_init(&t->lock, NULL) != 0) {
        free(t->slots);
        return -1;
    }
    t->max = max;
    t->fresh = 0;
    t->free_head = t->free_tail = NO_SLOT;
    t->nfree = 0;
    atomic_init(&t->count, 0);
    return 0;
}

void pidtab_destroy(PidTab *t)
{
    pthread_mutex_destroy(&t->lock);
    free(t->slots);
    t->slots = NULL;
}

/* Picks a slot index (lock held); NO_SLOT when full. */
static uint32_t take_index(PidTab *t)
{
    if (t->nfree > REUSE_AFTER || (t->fresh == t->max && t->nfree > 0)) {
        uint32_t i = t->free_head;
        t->free_head = t->slots[i].next_free;
        if (t->free_head == NO_SLOT)
            t->free_tail = NO_SLOT;
        t->nfree--;
        return i;
    }
    return t->fresh < t->max ? t->fresh++ : NO_SLOT;
}

Value pidtab_alloc(PidTab *t, ProcRt *p)
{
    pthread_mutex_lock(&t->lock);
    uint32_t n = atomic_load_explicit(&t->count, memory_order_relaxed);
    uint32_t i = n < t->max ? take_index(t) : NO_SLOT;
    if (i == NO_SLOT) {
        pthread_mutex_unlock(&t->lock);
        return 0;
    }
    p->pid = val_pid(i, t->slots[i].serial);
    atomic_store_explicit(&t->count, n + 1, memory_order_relaxed);
    /* seq_cst (at least release): a reader that finds p also sees p->pid and p's init. */
    atomic_store(&t->slots[i].proc, p);
    pthread_mutex_unlock(&t->lock);
    return p->pid;
}

void pidtab_free(PidTab *t, Value pid)
{
    uint32_t i = val_pid_index(pid);
    pthread_mutex_lock(&t->lock);
    /* seq_cst: ordered before the retiring thread's read of the global epoch (epoch.c). */
    atomic_store(&t->slots[i].proc, NULL);
    t->slots[i].serial = (t->slots[i].serial + 1) & 0x3fffffffu;
    t->slots[i].next_free = NO_SLOT;
    if (t->free_tail == NO_SLOT)
        t->free_head = i;
    else
        t->slots[t->free_tail].next_free = i;
    t->free_tail = i;
    t->nfree++;
    atomic_store_explicit(&t->count, atomic_load_explicit(&t->count, memory_order_relaxed) - 1,
                          memory_order_relaxed);
    pthread_mutex_unlock(&t->lock);
}

uint32_t pidtab_list(PidTab *t, Value *out, uint32_t cap)
{
    pthread_mutex_lock(&t->lock);
    uint32_t used = t->fresh;
    pthread_mutex_unlock(&t->lock);
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
