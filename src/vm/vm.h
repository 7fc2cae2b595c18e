/* vm.h: the bytecode interpreter (DESIGN §4).
 *
 * Owns: running a process's frames until its reduction budget is spent, it waits in receive,
 * or it finishes; calls, returns, tail calls, exceptions and handlers; collections at safe
 * points. Does not own: scheduling (whoever calls vm_run), the mailbox's cross-thread side.
 * Stackless: every frame lives in the Process (vm_run keeps nothing on the C stack between
 * instructions that matters after it returns), so a process stopped after any reduction can
 * be resumed later, on any thread, by calling vm_run again.
 * Safe points: function entry, loop back edges (NEXT, JUMPBACK) and receive. Only there may
 * the collector run (when arena_wants_gc), with every register of every frame as a root.
 */
#ifndef EMBER_VM_H
#define EMBER_VM_H
#include <stdint.h>

#include "rt/process.h"
#include "vm/code.h"

/* Reductions a process gets per time slice (BEAM: 4000). */
#define VM_SLICE 4000

typedef enum VmStatus {
    VM_DONE,    /* the entry function returned: p->result (status PROC_DONE) */
    VM_FAILED,  /* an uncaught exception: proc_cold(p)->exc_kind / exc_value (status PROC_FAILED) */
    VM_YIELD,   /* the budget is spent: call vm_run again to continue */
    VM_WAIT     /* waiting in receive (status PROC_WAITING): run again once a message arrives
                 * or p->wait_until_ms passes (then set p->recv_timed_out) */
} VmStatus;

/* Prepares `p` to run `code` (CODE_TOP/CODE_DEF of arity nargs) with `args`. Returns false when
 * out of memory. */
bool vm_start(Process *p, const Code *code, const Value *args, uint32_t nargs);

/* Prepares `p` to call `fun` (a fun value, or a {module, function} tuple) with the elements of
 * the proper list `args`; a bad fun or arity makes the first vm_run fail with Elixir's error.
 * Returns false when out of memory. (spawn/3 and spawn/1 start processes this way.) */
bool vm_start_apply(Process *p, Value fun, Value args);

/* Runs `p` for at most `budget` reductions. See VmStatus. */
VmStatus vm_run(Process *p, int64_t budget);

/* Runs `p` to completion (no other process runs meanwhile; receive with nothing to take waits
 * for its timeout, or fails when it has none). For module loading and tests. */
VmStatus vm_run_to_end(Process *p);

/* a OP b for OP '+', '-', '*' or '/' with Elixir's semantics (integers never wrap: past 64
 * bits is an ArithmeticError; '/' is always a float). THE_NON_VALUE after raising. */
Value vm_arith(Process *p, char op, Value a, Value b);

/* div(a, b), or rem(a, b) when `rem`, as Kernel's (Erlang's div and rem: truncating toward
 * zero, the remainder taking a's sign). THE_NON_VALUE after raising ArithmeticError (a or b
 * not an integer, b zero, or a quotient past 64 bits) or running out of memory. */
Value vm_intdiv(Process *p, bool rem, Value a, Value b);

/* Collects p's heap now, with every live register as a root. MOVES OBJECTS. Returns a
 * gc_collect status. */
int vm_gc(Process *p);

#endif
