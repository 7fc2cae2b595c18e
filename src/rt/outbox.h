/* outbox.h: messages a running process sends, held on its worker until the slice ends and
 * then delivered to each receiver in one push (DESIGN §5; SCHED.md "Outbox").
 *
 * Why: on a machine where moving a cache line between cores costs more than a whole message
 * does on one core, a push per message (an atomic exchange on the receiver's mailbox, often a
 * wake-up) made a producer feeding consumers on another core slower than one core alone. One
 * push per receiver per slice moves the mailbox's line once for a whole batch.
 *
 * Owns: per worker, a small table of receivers, each with the chain of messages the running
 * process has sent it this slice. Does not own: the signals (the caller makes them), delivery
 * order rules beyond keeping them, scheduling (sched_enqueue).
 * Invariants:
 * - Only the worker's own thread touches its outbox, and only the process running there has
 *   messages in it: the scheduler empties it when a slice ends, before the process's exit
 *   signals go out and before the worker runs anything else.
 * - Signals from one sender keep their order: every non-message signal (link, exit, monitor,
 *   ...) empties the outbox before it is pushed (signal_push), and a message to the sender
 *   itself is never held (a receive in the same slice must see it).
 * - BEAM delivers a signal some time after it is sent, only in order per pair of processes;
 *   holding it until the slice ends (at most one reduction budget) is within that.
 */
#ifndef EMBER_OUTBOX_H
#define EMBER_OUTBOX_H
#include <stdbool.h>
#include <stdint.h>

#include "rt/mailbox.h"
#include "rt/sigpool.h"

struct ProcRt;
struct Sched;

/* Receivers an outbox holds chains for at once (a power of 2), and the slots a receiver may
 * take (from its hash on); a message to a receiver without a chain that finds them all taken
 * is pushed at once (nothing else from the slice waits for that receiver, so order holds). */
#define OUTBOX_SLOTS 256u
#define OUTBOX_PROBE 8u

typedef struct OutChain {
    struct ProcRt *to; /* NULL: a free slot */
    Signal *first, *last;
    SigChunkFill fill; /* the chunk the next messages to `to` go in (sigpool.h) */
    /* the receiver this slot last held, if it got more than one message: its first message of
     * the next slice starts a chunk too, so the whole chain is one stream (outbox_add) */
    struct ProcRt *streamed;
} OutChain;

/* While a slice runs, slots only fill up, so a lookup may stop at the first free slot. */
typedef struct Outbox {
    uint32_t n;                   /* chains held */
    uint16_t order[OUTBOX_SLOTS]; /* their slots, oldest first: the order they are pushed in */
    OutChain chain[OUTBOX_SLOTS];
} Outbox;

/* The calling worker's outbox, or NULL on a thread that is not one of `s`'s workers (there a
 * send pushes at once). */
Outbox *outbox_current(struct Sched *s);

/* A block for a message of `words` payload words from the running process to `to`, already
 * queued in outbox `o` behind what it sent `to` earlier this slice; the caller fills it in
 * before it does anything else (nothing reads it until the outbox is flushed). The first
 * message to a receiver in a slice gets a block of its own (sigpool_alloc), unless the slot's
 * last chain went to the same receiver and held more than one; the ones after it are laid out
 * one after another in chunks, which the receiver then reads as a stream. `to`
 * must stay readable until the slice ends (the epoch layer guarantees it for a pointer from
 * the pid table). Sets *queued false when the outbox has no room for `to`: the caller then
 * pushes the filled block itself (mailbox_push), at once. NULL if out of memory. */
Signal *outbox_add(Outbox *o, struct ProcRt *to, size_t words, bool *queued);

/* Delivers every message the calling worker holds, one push per receiver, and schedules the
 * receivers that slept. Nothing to do on a thread that is not a worker. */
void outbox_flush(struct Sched *s);

/* outbox_flush for outbox `o` of the calling worker (the scheduler calls it after every
 * slice, and most slices send nothing, or to one receiver). */
void outbox_flush_all(Outbox *o, struct Sched *s);
static inline void outbox_flush_here(Outbox *o, struct Sched *s)
{
    if (o->n != 0)
        outbox_flush_all(o, s);
}

#endif
