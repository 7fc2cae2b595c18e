/* mailbox.c: the MPSC signal queue and the private message list (see mailbox.h, MAILBOX.md). */
#include "rt/mailbox.h"

#include <stddef.h>

#define ASLEEP ((uintptr_t)1)

static inline SigLink *next_of(SigLink *n, memory_order mo)
{
    return atomic_load_explicit(&n->next, mo);
}

/* The private list reuses `next`; only the owner touches it then, so relaxed is enough. */
static inline void set_priv_next(SigLink *n, SigLink *next)
{
    atomic_store_explicit(&n->next, next, memory_order_relaxed);
}

void mailbox_init(Mailbox *mb)
{
    atomic_init(&mb->stub.next, NULL);
    atomic_init(&mb->head, (uintptr_t)&mb->stub);
    atomic_init(&mb->others, 0);
    mb->tail = &mb->stub;
    atomic_init(&mb->msgs.next, NULL);
    mb->msgs_last = &mb->msgs;
    mb->save = &mb->msgs;
    mb->nmsgs = 0;
}

/* Links the chain first..last (already linked among themselves) after the previous newest
 * node. */
static bool push_link(Mailbox *mb, SigLink *first, SigLink *last)
{
    atomic_store_explicit(&last->next, NULL, memory_order_relaxed);
    /* acq_rel: release publishes the chain's fields to the consumer and to the next producer
     * (who writes last->next); acquire orders our write to prev->next after prev's own NULL
     * init, and lets a waker see everything the owner did before it went to sleep. */
    uintptr_t prev = atomic_exchange_explicit(&mb->head, (uintptr_t)last, memory_order_acq_rel);
    SigLink *p = (SigLink *)(prev & ~ASLEEP);
    /* release: the consumer's acquire load of p->next then sees the chain's contents. */
    atomic_store_explicit(&p->next, first, memory_order_release);
    return (prev & ASLEEP) != 0;
}

bool mailbox_push(Mailbox *mb, Signal *s)
{
    bool other = s->kind != SIG_MESSAGE; /* read first: once pushed, `s` is the owner's */
    bool woke = push_link(mb, &s->link, &s->link);
    /* release, after the link: an owner that takes the flag (acquire) then pops `s`. */
    if (other)
        atomic_store_explicit(&mb->others, 1, memory_order_release);
    return woke;
}

bool mailbox_take_others(Mailbox *mb)
{
    /* A plain look first: senders write this line, and most looks find nothing. */
    return atomic_load_explicit(&mb->others, memory_order_relaxed) != 0 &&
           atomic_exchange_explicit(&mb->others, 0, memory_order_acquire) != 0;
}

void mailbox_chain(Signal *prev, Signal *s)
{
    atomic_store_explicit(&prev->link.next, &s->link, memory_order_relaxed);
}

bool mailbox_push_chain(Mailbox *mb, Signal *first, Signal *last)
{
    return push_link(mb, &first->link, &last->link);
}

Signal *mailbox_pop(Mailbox *mb)
{
    SigLink *t = mb->tail;
    /* acquire: pairs with the producer's release store, so the node's fields are visible. */
    SigLink *next = next_of(t, memory_order_acquire);
    if (t == &mb->stub) {
        if (next == NULL)
            return NULL;
        mb->tail = t = next;
        next = next_of(t, memory_order_acquire);
    }
    if (next == NULL) {
        /* t is the newest linked node. If a producer has already swapped head past it, its
         * link is on the way: report empty for now. Otherwise put the stub behind t so t
         * can leave the queue without head ever pointing at a popped node. */
        if ((SigLink *)(atomic_load_explicit(&mb->head, memory_order_acquire) & ~ASLEEP) != t)
            return NULL;
        push_link(mb, &mb->stub, &mb->stub);
        next = next_of(t, memory_order_acquire);
        if (next == NULL)
            return NULL;
    }
    mb->tail = next;
    return (Signal *)t;
}

bool mailbox_try_sleep(Mailbox *mb)
{
    if (mb->tail != &mb->stub || next_of(&mb->stub, memory_order_acquire) != NULL)
        return false;
    uintptr_t expect = (uintptr_t)&mb->stub;
    /* release: whoever swaps the ASLEEP bit out (acquire in push) and schedules the process
     * sees every write the owner made before sleeping. Failure needs no ordering: we only
     * learn that a push came in and keep the token. */
    return atomic_compare_exchange_strong_explicit(&mb->head, &expect, expect | ASLEEP,
                                                   memory_order_release, memory_order_relaxed);
}

void mailbox_append(Mailbox *mb, Signal *s)
{
    set_priv_next(&s->link, NULL);
    set_priv_next(mb->msgs_last, &s->link);
    mb->msgs_last = &s->link;
    mb->nmsgs++;
}

void mailbox_recv_skip(Mailbox *mb) { mb->save = next_of(mb->save, memory_order_relaxed); }

/* Unlinks the node after `prev` from the private list and returns it. */
static SigLink *unlink_after(Mailbox *mb, SigLink *prev)
{
    SigLink *cur = next_of(prev, memory_order_relaxed);
    set_priv_next(prev, next_of(cur, memory_order_relaxed));
    if (mb->msgs_last == cur)
        mb->msgs_last = prev;
    mb->nmsgs--;
    return cur;
}

Signal *mailbox_recv_take(Mailbox *mb)
{
    Signal *s = (Signal *)unlink_after(mb, mb->save);
    mb->save = &mb->msgs;
    return s;
}

uint32_t mailbox_remove_if(Mailbox *mb, SigPred pred, void (*drop)(void *ctx, Signal *s),
                           void *ctx)
{
    uint32_t removed = 0;
    SigLink *prev = &mb->msgs;
    SigLink *cur;
    while ((cur = next_of(prev, memory_order_relaxed)) != NULL) {
        if (pred(ctx, (Signal *)cur)) {
            drop(ctx, (Signal *)unlink_after(mb, prev));
            removed++;
        } else {
            prev = cur;
        }
    }
    mb->save = &mb->msgs;
    return removed;
}
