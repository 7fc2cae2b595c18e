/* interp.h: what the files of the interpreter share (vm.c runs the loop, vm_call.c makes
 * calls, vm_ops.c holds the rarer instructions). Not a public header.
 *
 * State protocol: while an instruction runs, the running frame's `pc` field is stale; any
 * helper that may push, pop or replace frames or raise first gets the resume pc and dst
 * explicitly. A helper returning VM_RELOAD means "frames changed: reload everything from the
 * top frame"; NULL means "an exception is pending in p->exc_*".
 */
#ifndef EMBER_INTERP_H
#define EMBER_INTERP_H
#include <stdbool.h>
#include <stdint.h>

#include "lib/builtins.h"
#include "rt/process.h"
#include "vm/code.h"
#include "vm/module.h"
#include "vm/opcodes.h"
#include "vm/vm.h"

/* Returned by an instruction helper when the frames changed. */
extern const uint32_t vm_reload_marker[1];
#define VM_RELOAD (vm_reload_marker)

/* Something callable, resolved. */
typedef struct Callee {
    const Code *code;  /* an ember function, or NULL */
    BuiltinFn native;  /* or a C builtin */
    Value closure;     /* the fun value for a CODE_FN, else nil */
    Value fun;         /* what was called (for BadArityError) */
} Callee;

static inline Frame *vm_top(Process *p) { return &p->frames[p->nframes - 1]; }

/* Resolves fun value `fun` for a call with `n` arguments (BadFunctionError / BadArityError,
 * for which `args` are needed). Returns false with an exception pending. */
bool vm_resolve_fun(Process *p, Value fun, const Value *args, uint32_t n, Callee *out);
/* Resolves export `e` (loading its module if it is written in ember); raises
 * UndefinedFunctionError. */
bool vm_resolve_export(Process *p, Export *e, Callee *out);
/* Resolves module.name/n with `mod` a runtime value (ArgumentError if not an atom). */
bool vm_resolve_mfa(Process *p, Value mod, Value name, uint32_t n, Callee *out);

/* Calls `c` with the `n` values at `args` (not pointing into p->stack). Not tail: the result
 * goes to register `dst` of the running frame, which resumes at `next`; tail: the running
 * frame is replaced (or, for a builtin, returns its result). Follows builtin tail-call
 * requests. Returns false with an exception pending; true when the call was made (the
 * caller reloads its state from the frames). */
bool vm_call(Process *p, Callee c, const Value *args, uint32_t n, bool tail, uint32_t dst,
             const uint32_t *next);

/* Completes a builtin tail-call request left in p->tail_* (see vm_call). */
bool vm_call_pending(Process *p, bool tail, uint32_t dst, const uint32_t *next);

/* Returns `v` from the running frame to its caller (or ends the process). */
void vm_return(Process *p, Value v);

/* Pushes a frame for `code` at `base`, copying `n` args from `args`; false if out of memory
 * (an exception is then pending). `args` must not point into p->stack. */
bool vm_push(Process *p, const Code *code, uint32_t base, const Value *args, uint32_t n, Value closure);

/* Unwinds to the innermost handler; false if there is none (the process dies). */
bool vm_unwind(Process *p);

/* Out of memory: raises SystemLimitError-like error. Returns NULL. */
const uint32_t *vm_nomem(Process *p);

/* The list of values regs[0..n) (for FunctionClauseError and BadArityError). */
Value vm_list_of(Process *p, const Value *vals, uint32_t n);

/* Rare instructions (vm_ops.c): each takes the running frame's registers and its own pc and
 * returns the next pc, VM_RELOAD or NULL. */
typedef const uint32_t *(*VmOp)(Process *p, Value *regs, const uint32_t *pc);
const uint32_t *op_arith(Process *p, Value *regs, const uint32_t *pc);
const uint32_t *op_compare(Process *p, Value *regs, const uint32_t *pc);
const uint32_t *op_neg(Process *p, Value *regs, const uint32_t *pc);
const uint32_t *op_not(Process *p, Value *regs, const uint32_t *pc);
const uint32_t *op_boolchk(Process *p, Value *regs, const uint32_t *pc);
const uint32_t *op_map(Process *p, Value *regs, const uint32_t *pc);
const uint32_t *op_mapupd(Process *p, Value *regs, const uint32_t *pc);
const uint32_t *op_mapfetch(Process *p, Value *regs, const uint32_t *pc);
const uint32_t *op_binprefix(Process *p, Value *regs, const uint32_t *pc);
const uint32_t *op_fun(Process *p, Value *regs, const uint32_t *pc);
const uint32_t *op_dot(Process *p, Value *regs, const uint32_t *pc);
const uint32_t *op_calld(Process *p, Value *regs, const uint32_t *pc);
const uint32_t *op_call_slow(Process *p, Value *regs, const uint32_t *pc);
const uint32_t *op_error(Process *p, Value *regs, const uint32_t *pc);
const uint32_t *op_fclause(Process *p, Value *regs, const uint32_t *pc);
const uint32_t *op_try(Process *p, Value *regs, const uint32_t *pc);
const uint32_t *op_reraise(Process *p, Value *regs, const uint32_t *pc);
const uint32_t *op_iter(Process *p, Value *regs, const uint32_t *pc);
const uint32_t *op_next(Process *p, Value *regs, const uint32_t *pc);
const uint32_t *op_tostr(Process *p, Value *regs, const uint32_t *pc);
const uint32_t *op_concat(Process *p, Value *regs, const uint32_t *pc);
const uint32_t *op_intdiv(Process *p, Value *regs, const uint32_t *pc);
const uint32_t *op_sendt(Process *p, Value *regs, const uint32_t *pc);
const uint32_t *op_recvnext(Process *p, Value *regs, const uint32_t *pc);
const uint32_t *op_recvskip(Process *p, Value *regs, const uint32_t *pc);
const uint32_t *op_recvtake(Process *p, Value *regs, const uint32_t *pc);
const uint32_t *op_defmod(Process *p, Value *regs, const uint32_t *pc);
const uint32_t *op_moddone(Process *p, Value *regs, const uint32_t *pc);

/* Milliseconds on a monotonic clock (receive timeouts). */

/* Comparison instructions on any values (the loop inlines small integers). */
bool vm_compare_op(Opcode op, Value a, Value b);

#endif
