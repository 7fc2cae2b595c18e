/* mailbox.h: a process's mailbox (DESIGN §5): every signal sent to the process, messages
 * included, arrives through one intrusive multi-producer single-consumer queue, so signals
 * from one sender are seen in the order they were sent.
 *
 * Owns: the inbound queue, the owner's private list of received messages with the save
 * pointer of selective receive, and the "owner asleep" bit that hands out the scheduling
 * token. Does not own: what non-message signals mean (signal.h), the message values (the
 * embedder copies them in and out and frees the signals), nor scheduling (sched.h).
 * Invariants: push is one atomic exchange, also for a chain of signals; the push that finds
 * the owner asleep is the only one told so, and its caller must make the process runnable.
 * Only the owner (the thread running the process) pops, sleeps, and touches the private list.
 * A node belongs to the queue from push until pop returns it, then to the owner. Design
 * notes: MAILBOX.md.
 */
#ifndef EMBER_MAILBOX_H
#define EMBER_MAILBOX_H
#include <stdatomic.h>
#include <stdbool.h>
#include <stdint.h>

#include "value/value.h"

/* The link every queued node starts with. While queued, `next` is written once by the
 * producer that pushed after this node; after pop, the owner reuses it for the private list. */
typedef struct SigLink {
    _Atomic(struct SigLink *) next;
} SigLink;

/* What a signal is. Only SIG_MESSAGE goes to the private list; signal.c handles the rest. */
typedef enum SigKind {
    SIG_MESSAGE,     /* payload: the message                                   */
    SIG_EXIT,        /* exit/2 from `from`; payload: the reason                 */
    SIG_EXIT_LINKED, /* a linked process `from` died; payload: the reason       */
    SIG_LINK,        /* `from` linked to us                                     */
    SIG_UNLINK,      /* `from` unlinked from us                                 */
    SIG_MONITOR,     /* `from` monitors us under reference number `ref`         */
    SIG_DEMONITOR,   /* `from` dropped monitor `ref`                            */
    SIG_DOWN,        /* monitored `from` died; payload: the reason; `ref`       */
    SIG_TIMEOUT,     /* the receive timer `ref` (a wait number) fired           */
    SIG_INFO,        /* `from` asks for Process.info; payload: what; `ref`: reply tag */
    SIG_KIND_COUNT
} SigKind;

/* Where the payload of a signal in the private list is (Signal.where). The embedder's to set;
 * HEAP.md "Messages". Messages a receive has looked at (SIG_LOOKED, SIG_IN_HEAP) always come
 * before those it has not: a receive looks at the list from its oldest message on. */
typedef enum SigWhere {
    SIG_IN_BLOCK, /* in `data` (or an immediate): no receive has looked at it yet */
    SIG_TO_BUILD, /* an exit signal or DOWN received as a message (`aux` says which): the
                     {:EXIT, ...} or {:DOWN, ...} tuple is built around the reason (payload,
                     in `data`) when a receive first looks at it */
    SIG_IN_HEAP,  /* a value of the receiver's heap (the collector moves it) */
    SIG_LOOKED    /* still in `data`, and a receive has looked at it (matched it in place) */
} SigWhere;

/* One queued signal, one block with its payload: while no receive has looked at it, the
 * payload lives in `data` (a flat copy, heapfrag.h: outside every heap, self-contained) or is
 * an immediate, which needs no words at all. The block goes with the signal: freeing the
 * signal frees the payload's flat copy.
 * The header is 24 bytes: a message from send/2 is mostly header, and every byte of it
 * crosses between cores when sender and receiver run on two (a {:work, x} message is 48
 * bytes, not 72). So only what every signal needs is here; the sender and reference number,
 * which a message from send/2 has no use for, follow the payload's words in signals of the
 * other kinds (signal_from, signal_ref). */
typedef struct Signal {
    SigLink link;   /* must stay first: a SigLink* is cast back to its Signal */
    uint8_t kind;   /* SigKind */
    uint8_t aux;    /* free for the embedder */
    uint8_t mem;    /* free for the embedder: how the block was allocated */
    uint8_t where;  /* SigWhere, for messages in the private list */
    uint32_t words; /* words of `data` that hold the payload's flat copy */
    Value payload;
    Value data[];
} Signal;

/* Payload words a signal can hold (`words` is 32 bits); a bigger message is refused as
 * memory that cannot be had. */
#define SIGNAL_MAX_WORDS ((size_t)UINT32_MAX - 2)

/* Words after the payload's flat copy in every signal but a message from send/2: the
 * sender's pid (or 0) and a reference number (a monitor's, a wait's, a request's). */
#define SIGNAL_META_WORDS 2

/* The sender and reference number of `s`, which has SIGNAL_META_WORDS after its payload. */
static inline Value signal_from(const Signal *s) { return s->data[s->words]; }
static inline uint64_t signal_ref(const Signal *s) { return (uint64_t)s->data[s->words + 1]; }
static inline void signal_set_meta(Signal *s, Value from, uint64_t ref)
{
    s->data[s->words] = from;
    s->data[s->words + 1] = (Value)ref;
}

/* Senders write `head`, and `stub` when the queue was empty; only the owner touches the rest.
 * The two groups should sit on different cache lines (see ProcRt), or every pop and append by
 * the owner takes the line away from the senders on another core. */
typedef struct Mailbox {
    /* any thread, atomic */
    _Atomic(uintptr_t) head; /* newest node; bit 0 set = owner asleep (holds no token) */
    SigLink stub;       /* keeps the queue non-empty so push never touches tail */
    /* owner thread only */
    SigLink *tail;      /* oldest inbound node not yet popped (may be &stub) */
    SigLink msgs;       /* private list sentinel: msgs.next is the oldest message */
    SigLink *msgs_last; /* last message, or &msgs */
    SigLink *save;      /* selective receive resumes at save->next */
    uint32_t nmsgs;     /* messages in the private list */
    /* any thread, atomic, but written only by senders of signals that are not messages (rare):
     * 1 once such a signal was pushed, until the owner takes the flag (mailbox_take_others) */
    _Atomic uint32_t others;
} Mailbox;

/* Makes `mb` empty with the owner awake (a new process holds its scheduling token). */
void mailbox_init(Mailbox *mb);

/* Any thread: appends `s` (filled in, owned by the caller until now) to `mb`, and raises the
 * `others` flag after it if `s` is not a message. Returns true if the owner was asleep: the
 * caller now holds the process's token and must schedule it. */
bool mailbox_push(Mailbox *mb, Signal *s);

/* Producer, before pushing: links `s` after `prev` in a chain of signals that only the caller
 * sees yet (the outbox, outbox.h). */
void mailbox_chain(Signal *prev, Signal *s);

/* Any thread: appends the chain first..last (linked with mailbox_chain, owned by the caller
 * until now) in one atomic exchange, as if each had been pushed in order with nothing in
 * between. Returns true if the owner was asleep, as mailbox_push. */
bool mailbox_push_chain(Mailbox *mb, Signal *first, Signal *last);

/* The holder of the owner's token while the owner is not running (the run queue it waits in,
 * under that queue's lock): the oldest inbound signal, or NULL if none is visible yet. A hint
 * of what mailbox_pop will return first, for a prefetch; nothing may rely on it. */
static inline const void *mailbox_next_hint(const Mailbox *mb)
{
    const SigLink *t = mb->tail;
    if (t != &mb->stub)
        return t;
    return atomic_load_explicit(&t->next, memory_order_relaxed);
}

/* Owner: the oldest inbound signal, now owned by the caller, or NULL if none is visible (a
 * push may be half done: then mailbox_try_sleep fails, so no wake-up is lost). */
Signal *mailbox_pop(Mailbox *mb);

/* Owner: whether a signal other than a message may be queued since the last call that
 * answered true (the flag is cleared: the caller is to pop everything now). Messages alone
 * may be popped one at a time as a receive needs them; a link, exit, monitor or info signal
 * must be seen before the messages pushed ahead of it are acted on, as on the BEAM, which
 * handles a process's incoming signals when it is scheduled in. A signal whose flag is raised
 * after the owner looked is popped in its turn, or found by the next look. */
bool mailbox_take_others(Mailbox *mb);

/* Owner: gives up the scheduling token if nothing is queued. Returns true if the owner is now
 * asleep (the next push wakes it), false if signals are waiting (keep running the process). */
bool mailbox_try_sleep(Mailbox *mb);

/* Owner: appends message `s` to the private list. */
void mailbox_append(Mailbox *mb, Signal *s);

/* ---- selective receive (owner) ----
 * A receive starts with mailbox_recv_begin, then looks at mailbox_recv_peek: on a match it
 * takes the message with mailbox_recv_take, otherwise it calls mailbox_recv_skip and peeks
 * again. When peek returns NULL the caller drains the inbound queue and peeks again, or waits;
 * the save pointer stays put, so a wake-up only scans the messages that arrived since. */
static inline void mailbox_recv_begin(Mailbox *mb) { mb->save = &mb->msgs; }

static inline Signal *mailbox_recv_peek(Mailbox *mb)
{
    return (Signal *)atomic_load_explicit(&mb->save->next, memory_order_relaxed);
}

/* The peeked message did not match: the next peek looks at the one after it. */
void mailbox_recv_skip(Mailbox *mb);

/* Removes the peeked message from the private list and returns it (now the caller's); the
 * save pointer goes back to the oldest message, as the next receive starts there. */
Signal *mailbox_recv_take(Mailbox *mb);

/* Owner: messages in the private list (inbound signals not counted until drained). */
static inline uint32_t mailbox_len(const Mailbox *mb) { return mb->nmsgs; }

/* Owner: unlinks every private message for which `pred` returns true and hands it to `drop`
 * (which owns it). Resets the save pointer. Returns how many were removed. */
typedef bool (*SigPred)(void *ctx, const Signal *s);
uint32_t mailbox_remove_if(Mailbox *mb, SigPred pred, void (*drop)(void *ctx, Signal *s),
                           void *ctx);

#endif
