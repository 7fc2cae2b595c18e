/* process.h: the process control block (DESIGN §5).
 *
 * Owns: one process's heap (Arena), its VM stack (registers of every frame, contiguous), its
 * frame stack, its exception handlers, its pending exception and dictionary (in ProcExt, allocated
 * on first use) and its reduction budget; and,
 * first, the runtime's part (rt/proc_rt.h: pid, mailbox, links, monitors, timer), so that a
 * ProcRt* found in the pid table or a run queue is this Process. Does not own: the code it
 * runs (modules are global and immutable once published), scheduling (rt/sched.h), signals
 * (rt/signal.h).
 * Invariants: every slot of stack[0, stack_hwm) holds a valid Value (a frame's registers need
 * no clearing when it is pushed there); slots from stack_hwm on are garbage, cleared to [] by
 * proc_frame_room the first time a frame reaches them, and a collection lowers stack_hwm to
 * the end of the running frame (the slots above it were no roots). Apart from `rt` (see proc_rt.h for
 * what other threads may touch), all fields are touched only by the thread currently running
 * the process ("owner thread only").
 */
#ifndef EMBER_PROCESS_H
#define EMBER_PROCESS_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "rt/arena.h"
#include "rt/proc_rt.h"
#include "value/value.h"

struct Code;

/* One activation: the function running, where it resumes and where its registers start. */
typedef struct Frame {
    const struct Code *code; /* function this frame runs */
    const uint32_t *pc;      /* resume point, valid while a callee runs or the process is parked */
    uint32_t base;           /* index in Process.stack of register 0 */
    uint32_t dst;            /* register of this frame that receives the running callee's result */
} Frame;

/* An installed `try` (or guard) handler: raising unwinds to frame `frame` and jumps to `pc`
 * with the exception's kind and value in registers kind_reg and value_reg. */
typedef struct Handler {
    uint32_t frame;
    uint32_t kind_reg, value_reg;
    const uint32_t *pc;
} Handler;

typedef enum ProcStatus {
    PROC_RUNNABLE, /* may run */
    PROC_WAITING,  /* parked in receive */
    PROC_DONE,     /* returned from its function: result in `result` */
    PROC_FAILED    /* died of an uncaught exception: exc_kind / exc_value */
} ProcStatus;

/* The cold part of a process: exception state and dictionary. A process parked in receive
 * that never raised and never used Process.put has none (DESIGN §5: a parked process costs <= 512 bytes), so it is allocated on
 * first write (proc_ext) and read through proc_cold, which gives the defaults while there is
 * none. Owner thread only, like the fields of Process. */
typedef struct ProcExt {
    Value exc_kind;           /* pending/uncaught exception: :error, :throw or :exit (else nil) */
    Value exc_value;          /*   its value (an exception struct for :error) */
    Value exc_stack;          /*   a stack trace (a list; [] when not recorded) */
    const struct Code *exc_code; /* where it was raised (for the report), or NULL */
    const struct Code *catch_code; /* where the exception a handler last caught was raised */
    uint32_t exc_pc;          /*   word offset in exc_code */
    uint32_t catch_pc;        /*   (for __STACKTRACE__), word offset in catch_code */
    Value dictionary;         /* Process.put/get: a map, or [] when empty */
} ProcExt;

typedef struct Process {
    ProcRt rt;                /* the runtime's part; first (proc_of casts back) */
    /* ---- owner thread only ---- */
    Arena arena;              /* the heap every value of this process lives in */
    Value *stack;             /* registers of all frames, contiguous */
    uint32_t stack_cap;       /* slots in stack */
    uint32_t stack_hwm;       /* slots below hold valid values, slots from here on garbage */
    Frame *frames;            /* frames[0] is the entry function; the last one runs */
    uint32_t nframes, frames_cap;
    Handler *handlers;        /* innermost last */
    uint32_t nhandlers, handlers_cap;
    int32_t reductions;       /* left in the current time slice (a budget is a uint32 < 2^31) */
    ProcStatus status;
    Value result;             /* PROC_DONE: the entry function's value */
    Value exc_detail;         /* blame for the uncaught report (error.h), or nil */
    ProcExt *ext;             /* the cold part, NULL until first needed (proc_ext) */
    Value tail_fun;           /* builtin_tail_call: what the VM must call next (else nil); */
    Value tail_args;          /*   and its argument list (spawn's entry uses it: not cold) */
    int64_t wait_until_ms;    /* PROC_WAITING with `after`: deadline (rt_now_ms), else -1 */
    bool recv_timed_out;      /* the deadline passed: receive takes its `after` branch */
    bool tail_pending;        /* builtin_tail_call asked for a call: */
    /* ---- owner thread only, kept by the runtime (rt/runtime.c) ---- */
    bool is_main;             /* the script's process: its end ends the program */
    bool heap_limit_hit;      /* outgrew Process.flag(:max_heap_size): dies :killed */
    bool mq_off_heap;         /* Process.flag(:message_queue_data): only remembered, since
                               * ember's messages always live off the heap until received */
#ifdef EMBER_GC_STRESS
    uint32_t gc_countdown;    /* safe points since the last collection (vm.c gc_due) */
#endif
    Signal *killed_by;        /* a drained exit signal that ends it (payload: the reason) */
    uint64_t reductions_done; /* Process.info(:reductions) */
    Value exit_reason;        /* once exiting: why */
} Process;

_Static_assert(offsetof(Process, rt) == 0, "a ProcRt* must be its Process*");

/* The Process whose runtime part is `r`. */
static inline Process *proc_of(ProcRt *r) { return (Process *)r; }

/* The defaults proc_cold gives for a process without a cold part. */
extern const ProcExt proc_ext_none;

/* p's cold part for reading: the defaults (nil exception, empty dictionary) when
 * it has none yet. Never allocates. */
static inline const ProcExt *proc_cold(const Process *p) { return p->ext ? p->ext : &proc_ext_none; }

/* Allocates p's cold part on first use. */
ProcExt *proc_ext_alloc(Process *p);

/* p's cold part for writing, allocated (with the defaults) on first use. Out of memory is
 * fatal ("ember: out of memory", abort), as for the other state the runtime owes a process:
 * it is 56 bytes, needed only to raise or Process.put. */
static inline ProcExt *proc_ext(Process *p) { return p->ext ? p->ext : proc_ext_alloc(p); }

/* Returns a new process with an empty heap and stack, or NULL when out of memory. */
Process *proc_new(void);

/* Frees `p` and everything it owns (heap, stack, queued messages). NULL-safe. */
void proc_free(Process *p);

/* Frees p's stack, frame and handler arrays (a dead process's memory goes back at once while
 * its control block waits for the epoch) and leaves them empty. */
void proc_free_stacks(Process *p);

/* Makes room for `slots` more stack slots above `used`; may move p->stack (so callers re-derive
 * register pointers). Returns false when out of memory. */
bool proc_stack_reserve(Process *p, uint32_t used, uint32_t slots);

/* Makes stack[base, base + slots) usable as registers: room (may move p->stack, so callers
 * re-derive register pointers) and valid values (slots past stack_hwm are cleared to []).
 * Returns false when out of memory. */
static inline bool proc_frame_room(Process *p, uint32_t base, uint32_t slots)
{
    uint32_t end = base + slots;
    if (end > p->stack_cap && !proc_stack_reserve(p, base, slots)) return false;
    for (uint32_t i = p->stack_hwm; i < end; i++) p->stack[i] = VAL_NIL;
    if (end > p->stack_hwm) p->stack_hwm = end;
    return true;
}

/* Pushes a frame for `code` with registers at `base`; may move p->frames. Returns NULL when out
 * of memory. */
Frame *proc_push_frame(Process *p, const struct Code *code, uint32_t base);

/* Pushes a handler; returns false when out of memory. */
bool proc_push_handler(Process *p, Handler h);

/* Receive: the message at the save pointer, moving what arrived since into the private list
 * (rt/runtime.c: signals are applied on the way) when the list is used up. NULL if there is
 * none, or if a signal arrived that ends the process (then p->killed_by is set and the VM
 * must stop: the receive instructions wait instead of taking an `after` branch). */
Signal *proc_recv_next(Process *p);

/* Milliseconds on the runtime's clock (rt/runtime.c: the scheduler's, virtual in
 * deterministic mode), for `receive ... after` deadlines. */
int64_t rt_now_ms(void);

/* Receive: the payload of message `s` (from proc_recv_next) as a value of p's heap, which the
 * VM may bind. The first call copies it from the signal's block into p's heap (arena_alloc,
 * never collects; an exit signal or DOWN received as a message gets its {:EXIT, ...} or
 * {:DOWN, ...} tuple built there) and marks the signal SIG_IN_HEAP, so a message skipped by one
 * receive is not copied again by the next; the private list then keeps it alive as a GC root
 * until it is taken. Call it only on the message at the save pointer (receives look at the
 * list in order, which keeps the messages in the heap at its front: mailbox.h, SigWhere).
 * THE_NON_VALUE if out of memory (the message stays as it was). */
Value proc_recv_value(Process *p, Signal *s);

/* Receive: the payload of message `s` (from proc_recv_next) for a receive's clauses to match.
 * With `copy` false, a message still in its signal's block is not copied: the value points
 * into the block (SIG_LOOKED), and the VM must not keep a pointer into it once the message
 * is taken or skipped (proc_recv_pins, proc_recv_unpin). Else as proc_recv_value. */
Value proc_recv_look(Process *p, Signal *s, bool copy);

/* Receive: whether any of `regs[0..n)` points into the block of message `s` (which
 * proc_recv_look left there). */
bool proc_recv_pins(const Signal *s, const Value *regs, size_t n);

/* Receive: sets to [] each of `regs[0..n)` that points into the block of message `s`: the
 * bindings of clauses that did not match it, before it is skipped. */
void proc_recv_unpin(const Signal *s, Value *regs, size_t n);

/* Receive: drops the matched message at the save pointer (its payload, copied into p's heap,
 * stays there as long as the VM holds it; the signal block is freed) and resets the save
 * pointer to the oldest message. */
void proc_recv_take(Process *p);

#endif
