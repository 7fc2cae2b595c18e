/* outbox.c: per-worker batching of sent messages (see outbox.h). */
#include "rt/outbox.h"

#include "rt/sched.h"

/* Control blocks are cache-line aligned, so the low 6 bits say nothing. */
static uint32_t slot_of(const ProcRt *to)
{
    uint64_t h = ((uint64_t)(uintptr_t)to >> 6) * UINT64_C(0x9E3779B97F4A7C15);
    return (uint32_t)(h >> 56) & (OUTBOX_SLOTS - 1);
}

/* Pushes chain `c` to its receiver and frees its slot (the caller resets `order`). Its chunk
 * is the receiver's from now on: the sender never writes to it again. */
static void deliver(Sched *s, OutChain *c)
{
    ProcRt *to = c->to;
    c->to = NULL;
    c->streamed = c->first != c->last ? to : NULL;
    sigpool_chunk_seal(&c->fill); /* before the push: the receiver may free its signals */
    if (mailbox_push_chain(&to->mb, c->first, c->last))
        sched_enqueue(s, to);
}

/* The slot holding `to`'s chain, else the first free one of its probe sequence, else (all of
 * them taken by other receivers) UINT32_MAX. */
static uint32_t find_slot(const Outbox *o, const ProcRt *to)
{
    uint32_t h = slot_of(to);
    for (uint32_t k = 0; k < OUTBOX_PROBE; k++) {
        uint32_t i = (h + k) & (OUTBOX_SLOTS - 1);
        if (o->chain[i].to == to || o->chain[i].to == NULL)
            return i;
    }
    return UINT32_MAX;
}

Outbox *outbox_current(Sched *s)
{
    Worker *w = sched_current();
    return w != NULL && w->s == s ? &w->out : NULL;
}

Signal *outbox_add(Outbox *o, ProcRt *to, size_t words, bool *queued)
{
    uint32_t i = find_slot(o, to);
    *queued = i != UINT32_MAX;
    if (i == UINT32_MAX) /* no room here: nothing else from this slice waits for `to` */
        return sigpool_alloc(words);
    OutChain *c = &o->chain[i];
    Signal *sig = NULL;
    if (c->to == to) {
        sig = sigpool_chunk_alloc(&c->fill, words);
        if (sig == NULL && sigpool_chunk_fits(words)) { /* full (or none yet): a new one */
            sigpool_chunk_seal(&c->fill);
            if (sigpool_chunk_new(&c->fill))
                sig = sigpool_chunk_alloc(&c->fill, words);
        }
        if (sig == NULL && (sig = sigpool_alloc(words)) == NULL)
            return NULL;
        mailbox_chain(c->last, sig);
        c->last = sig;
        return sig;
    }
    /* The first message to `to` this slice: a block of its own, as most receivers get no
     * second one, unless `to` got more than one in the last slice that used this slot. Then
     * the chain is one stream from its first message: the receiver's first miss is on the
     * chunk, whose next lines it asks for at once, instead of on a block that only then
     * names the chunk (fork-join throughput on two threads: the consumers 2-3 ns a message
     * faster, the run 4% shorter). */
    if (c->streamed == to && sigpool_chunk_fits(words) && sigpool_chunk_new(&c->fill))
        sig = sigpool_chunk_alloc(&c->fill, words);
    if (sig == NULL && (sig = sigpool_alloc(words)) == NULL)
        return NULL;
    o->order[o->n++] = (uint16_t)i;
    c->to = to;
    c->first = c->last = sig;
    return sig;
}

void outbox_flush_all(Outbox *o, Sched *s)
{
    uint32_t n = o->n;
    o->n = 0;
    if (n == 1) {
        deliver(s, &o->chain[o->order[0]]);
        return;
    }
    /* Each push is an atomic exchange on a line the receiver's core may hold, and such
     * instructions run one at a time: fetch all those lines first, side by side. */
    for (uint32_t j = 0; j < n; j++)
        prefetch_write(&o->chain[o->order[j]].to->mb.head);
    for (uint32_t j = 0; j < n; j++)
        deliver(s, &o->chain[o->order[j]]);
}

void outbox_flush(Sched *s)
{
    Outbox *o = outbox_current(s);
    if (o != NULL)
        outbox_flush_here(o, s);
}
