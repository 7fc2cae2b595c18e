/* vm.c: the interpreter loop (vm.h). A computed-goto dispatch over the instructions of
 * opcodes.h: the frequent ones (moves, small-integer arithmetic and comparisons, jumps,
 * pattern tests, tuple/list building, calls and returns) are handled inline in short
 * blocks; every other instruction, and every slow path, is a named function in vm_ops.c or
 * vm_call.c. This keeps the hot loop one function (so the compiler keeps pc, regs and the
 * constants in registers) while each behaviour stays small and named.
 * Calls push a Frame in the Process and switch the loop's state to it; nothing is kept on the
 * C stack across instructions, which is what lets the process stop after any reduction. */
#include "vm/vm.h"

#include <stdlib.h>
#include <string.h>

#include "rt/gc.h"
#include "vm/error.h"
#include "vm/interp.h"

/* The received messages a receive has looked at are roots too: their payloads are in p's heap
 * (and may be bound in registers). They come first in the private list, so the walk stops at
 * the first message not looked at yet: those point into their own blocks, outside the arena
 * (HEAP.md "Messages"), and a long queue costs a collection nothing. */
static void mailbox_roots(void *ctx, GcVisitor *v)
{
    Process *p = ctx;
    for (SigLink *l = atomic_load_explicit(&p->rt.mb.msgs.next, memory_order_relaxed);
         l && (((Signal *)l)->where == SIG_IN_HEAP || ((Signal *)l)->where == SIG_LOOKED);
         l = atomic_load_explicit(&l->next, memory_order_relaxed))
        if (((Signal *)l)->where == SIG_IN_HEAP) gc_visit(v, &((Signal *)l)->payload);
}

int vm_gc(Process *p)
{
    uint32_t top = 0;
    if (p->nframes) top = vm_top(p)->base + vm_top(p)->code->nregs;
    if (top > p->stack_cap) top = p->stack_cap;
    Value *singles[] = {&p->result, &p->exc_detail, &p->tail_fun, &p->tail_args, &p->exit_reason};
    size_t nsingle = sizeof singles / sizeof *singles;
    RootRange roots[16];
    size_t n = 0;
    roots[n++] = (RootRange){p->stack, top};
    for (size_t i = 0; i < nsingle; i++) roots[n++] = (RootRange){singles[i], 1};
    if (p->ext) {
        ProcExt *x = p->ext;
        Value *cold[] = {&x->exc_kind, &x->exc_value, &x->exc_stack, &x->dictionary};
        for (size_t i = 0; i < sizeof cold / sizeof *cold; i++) roots[n++] = (RootRange){cold[i], 1};
    }
    int rc = gc_collect_with(&p->arena, roots, n, mailbox_roots, p);
    /* Slots above the running frame were not roots and may now dangle: they are not valid
     * any more, and will be cleared before a frame uses them (proc_frame_room). */
    p->stack_hwm = top;
    if (rc == GC_HEAP_LIMIT) {
        /* Process.flag(:max_heap_size): the runtime kills it (:killed) when this slice ends;
         * ending the slice now keeps it from growing further meanwhile. */
        p->heap_limit_hit = true;
        p->reductions = 0;
        rc = GC_OK;
    }
    return rc;
}

/* Whether to collect at this safe point. Under `make gcstress` (EMBER_GC_STRESS) that is every
 * safe point while heap and stack hold under 4096 words, so a missing root shows up at once;
 * past that, every (size / 64)-th one, so stress stays linear in the work done instead of
 * quadratic (a 1,000,000-deep recursion would otherwise rescan its whole stack at each call). */
static inline bool gc_due(Process *p, uint32_t top)
{
#ifdef EMBER_GC_STRESS
    size_t size = arena_used_words(&p->arena) + top;
    if (size >= 4096 && ++p->gc_countdown < (size >> 6)) return false;
    p->gc_countdown = 0;
    return true;
#else
    (void)top;
    return arena_wants_gc(&p->arena);
#endif
}

/* Small-integer fast paths: both operands small and the result fits. */
static inline bool small2(Value a, Value b)
{
    return (a & b & 1) != 0;
}

static inline bool fits_small(int64_t r)
{
    return r >= SMALL_INT_MIN && r <= SMALL_INT_MAX;
}

/* Makes room for a frame of `callee` at `base` (its registers all valid values). */
static inline bool reserve_frame(Process *p, uint32_t base, const Code *callee)
{
    return proc_frame_room(p, base, callee->nregs + 1);
}

/* A call: pushes a frame for `callee` above the running frame `fr`, with the arguments from
 * its registers `argregs[0..n)` (and `closure` for a fn); the result will go to register
 * `dst` of `fr`, which resumes at `next`. Returns the new frame, or NULL when out of memory. */
static inline Frame *push_call(Process *p, Frame *fr, const Code *callee, const uint32_t *argregs,
                               uint32_t n, Value closure, uint32_t dst, const uint32_t *next)
{
    uint32_t base = fr->base + fr->code->nregs;
    if (!reserve_frame(p, base, callee)) return NULL;
    const Value *regs = p->stack + fr->base;
    Value *nr = p->stack + base;
    for (uint32_t i = 0; i < n; i++) nr[i] = regs[argregs[i]];
    nr[n] = closure; /* register `arity` of a fn; a scratch register otherwise */
    fr->pc = next;
    fr->dst = dst;
    return proc_push_frame(p, callee, base);
}

/* A tail call: the running frame `fr` becomes a frame of `callee` with the arguments from its
 * registers `argregs[0..n)`. Returns `fr`, or NULL when out of memory. Always inlined: gcc
 * kept it out of line (three call sites), and the call cost a 10,000,000-step loop 10% and
 * pingpong 3%. */
static inline __attribute__((always_inline)) Frame *
replace_call(Process *p, Frame *fr, const Code *callee, const uint32_t *argregs, uint32_t n,
             Value closure)
{
    Value args[256];
    const Value *regs = p->stack + fr->base;
    for (uint32_t i = 0; i < n; i++) args[i] = regs[argregs[i]];
    if (!reserve_frame(p, fr->base, callee)) return NULL;
    Value *nr = p->stack + fr->base;
    /* Most calls pass a few arguments: a library memcpy for them (what the loop compiles to)
     * cost more than the copy, 5% of a message-passing benchmark. */
    switch (n) {
    case 8: nr[7] = args[7]; __attribute__((fallthrough));
    case 7: nr[6] = args[6]; __attribute__((fallthrough));
    case 6: nr[5] = args[5]; __attribute__((fallthrough));
    case 5: nr[4] = args[4]; __attribute__((fallthrough));
    case 4: nr[3] = args[3]; __attribute__((fallthrough));
    case 3: nr[2] = args[2]; __attribute__((fallthrough));
    case 2: nr[1] = args[1]; __attribute__((fallthrough));
    case 1: nr[0] = args[0]; __attribute__((fallthrough));
    case 0: break;
    default: memcpy(nr, args, n * sizeof *nr);
    }
    nr[n] = closure;
    fr->code = callee;
    return fr;
}

/* Runs builtin `fn` on the running frame's registers `argregs[0..n)` (copied above the frame).
 * Returns its result or THE_NON_VALUE (an exception or a tail-call request is pending). */
static inline Value call_native(Process *p, Frame *fr, BuiltinFn fn, const uint32_t *argregs, uint32_t n)
{
    uint32_t base = fr->base + fr->code->nregs;
    if (base + n + 1 > p->stack_cap && !proc_stack_reserve(p, base, n + 1)) return vm_nomem(p), THE_NON_VALUE;
    const Value *regs = p->stack + fr->base;
    Value *args = p->stack + base;
    for (uint32_t i = 0; i < n; i++) args[i] = regs[argregs[i]];
    p->tail_pending = false;
    return fn(p, args);
}

VmStatus vm_run(Process *p, int64_t budget)
{
    static const void *const dispatch[] = {
#define X(name, sig) &&L_##name,
        OPCODE_LIST(X)
#undef X
    };
    Frame *fr;
    const Code *code;
    const uint32_t *pc, *np;
    Value *regs;
    const Value *K;
    Value retv;
    p->reductions = budget > INT32_MAX ? INT32_MAX : (int32_t)budget; /* slices are far smaller */
    p->status = PROC_RUNNABLE;

#define DISPATCH() goto *dispatch[*pc]
#define NEXT(n) do { pc += (n); DISPATCH(); } while (0)
#define RK(x) (((x) & OPK_BIT) ? K[(x) & ~OPK_BIT] : regs[x])
#define JUMP_TO(l) do { pc = code->ins + (l); DISPATCH(); } while (0)
#define SLOW(fn) do { np = fn(p, regs, pc); if (!np) goto raise; if (np == VM_RELOAD) goto reload; \
                      pc = np; DISPATCH(); } while (0)
#define SPEND() do { if (--p->reductions <= 0) goto yield; } while (0)
/* Switches the loop to frame `f` (just pushed or replaced) at its first instruction; NULL
 * means out of memory. */
#define ENTER(f) do { Frame *f_ = (f); if (!f_) { vm_nomem(p); goto raise; } fr = f_; code = fr->code; \
                      pc = code->ins; regs = p->stack + fr->base; K = code->consts; goto entry; } while (0)
#define SAFE_POINT() do { if (gc_due(p, fr->base + code->nregs)) { fr->pc = pc; \
                          if (vm_gc(p) != 0) { vm_nomem(p); goto raise; } } } while (0)
#define ALLOC_CHECK(v) do { if ((v) == THE_NON_VALUE) { vm_nomem(p); goto raise; } } while (0)

reload:
    if (p->nframes == 0) return p->status == PROC_DONE ? VM_DONE : VM_FAILED;
    fr = vm_top(p);
    code = fr->code;
    pc = fr->pc;
    regs = p->stack + fr->base;
    K = code->consts;
    DISPATCH();

entry: /* a function was entered: a safe point */
    SAFE_POINT();
    DISPATCH();

L_MOVE: regs[pc[1]] = regs[pc[2]]; NEXT(3);
L_LOADK: regs[pc[1]] = K[pc[2]]; NEXT(3);
L_ADD: {
    Value a = RK(pc[2]), b = RK(pc[3]);
    if (small2(a, b)) {
        int64_t r = val_small_get(a) + val_small_get(b);
        if (fits_small(r)) { regs[pc[1]] = val_small(r); NEXT(4); }
    }
    SLOW(op_arith);
}
L_SUB: {
    Value a = RK(pc[2]), b = RK(pc[3]);
    if (small2(a, b)) {
        int64_t r = val_small_get(a) - val_small_get(b);
        if (fits_small(r)) { regs[pc[1]] = val_small(r); NEXT(4); }
    }
    SLOW(op_arith);
}
L_IDIV: {
    Value a = RK(pc[2]), b = RK(pc[3]);
    if (small2(a, b) && val_small_get(b) > 0) { /* a / b always fits, rounding toward zero */
        regs[pc[1]] = val_small(val_small_get(a) / val_small_get(b));
        NEXT(4);
    }
    SLOW(op_intdiv);
}
L_REM: {
    Value a = RK(pc[2]), b = RK(pc[3]);
    if (small2(a, b) && val_small_get(b) > 0) {
        regs[pc[1]] = val_small(val_small_get(a) % val_small_get(b));
        NEXT(4);
    }
    SLOW(op_intdiv);
}
L_MUL: {
    Value a = RK(pc[2]), b = RK(pc[3]);
    int64_t r;
    if (small2(a, b) && !__builtin_mul_overflow(val_small_get(a), val_small_get(b), &r) && fits_small(r)) {
        regs[pc[1]] = val_small(r);
        NEXT(4);
    }
    SLOW(op_arith);
}
L_DIV: SLOW(op_arith);
L_NEG: SLOW(op_neg);
#define CMP_OP(NAME, OPR) \
L_##NAME: { \
    Value a = RK(pc[2]), b = RK(pc[3]); \
    if (small2(a, b)) { regs[pc[1]] = val_bool(val_small_get(a) OPR val_small_get(b)); NEXT(4); } \
    SLOW(op_compare); \
}
CMP_OP(LT, <)
CMP_OP(LE, <=)
CMP_OP(GT, >)
CMP_OP(GE, >=)
#undef CMP_OP
#define TEST_OP(NAME, OPR) \
L_##NAME: { \
    Value a = RK(pc[2]), b = RK(pc[3]); \
    bool ok = small2(a, b) ? val_small_get(a) OPR val_small_get(b) : val_compare(a, b) OPR 0; \
    if (ok) NEXT(4); \
    JUMP_TO(pc[1]); \
}
TEST_OP(TLT, <)
TEST_OP(TLE, <=)
TEST_OP(TGT, >)
TEST_OP(TGE, >=)
#undef TEST_OP
L_EQ:
L_SEQ: {
    Value a = RK(pc[2]), b = RK(pc[3]);
    if (a == b) { regs[pc[1]] = ATOM_TRUE; NEXT(4); }
    if (small2(a, b) || (val_is_atom(a) && val_is_atom(b))) { regs[pc[1]] = ATOM_FALSE; NEXT(4); }
    SLOW(op_compare);
}
L_NE:
L_SNE: {
    Value a = RK(pc[2]), b = RK(pc[3]);
    if (a == b) { regs[pc[1]] = ATOM_FALSE; NEXT(4); }
    if (small2(a, b) || (val_is_atom(a) && val_is_atom(b))) { regs[pc[1]] = ATOM_TRUE; NEXT(4); }
    SLOW(op_compare);
}
L_NOT: SLOW(op_not);
L_BOOLCHK: SLOW(op_boolchk);
L_JUMP: JUMP_TO(pc[1]);
L_JUMPBACK:
    SPEND();
    SAFE_POINT();
    JUMP_TO(pc[1]);
L_JFALSY: {
    Value v = regs[pc[1]];
    if (v == ATOM_NIL || v == ATOM_FALSE) JUMP_TO(pc[2]);
    NEXT(3);
}
L_JTRUTHY: {
    Value v = regs[pc[1]];
    if (v != ATOM_NIL && v != ATOM_FALSE) JUMP_TO(pc[2]);
    NEXT(3);
}
L_JNOTTRUE:
    if (regs[pc[1]] != ATOM_TRUE) JUMP_TO(pc[2]);
    NEXT(3);
L_TTUPLE: {
    Value v = regs[pc[2]];
    if (val_is_tuple(v) && val_tuple_arity(v) == pc[3]) NEXT(4);
    JUMP_TO(pc[1]);
}
L_TCONS:
    if (val_is_cons(regs[pc[2]])) NEXT(3);
    JUMP_TO(pc[1]);
L_TNIL:
    if (regs[pc[2]] == VAL_NIL) NEXT(3);
    JUMP_TO(pc[1]);
L_TMAP:
    if (val_is_map(regs[pc[2]])) NEXT(3);
    JUMP_TO(pc[1]);
L_TEQ: {
    Value a = regs[pc[2]], b = regs[pc[3]];
    if (a == b || val_exact_equal(a, b)) NEXT(4);
    JUMP_TO(pc[1]);
}
L_TEQK: {
    /* An immediate (nil, an atom, a small integer) is only ever exactly equal to itself:
     * matching [w | rest] against the [] clause of a list walk must not compare terms. */
    Value a = regs[pc[2]], b = K[pc[3]];
    if (a == b || ((val_is_boxed(b) || val_is_cons(b)) && (val_is_boxed(a) || val_is_cons(a)) &&
                   val_exact_equal(a, b)))
        NEXT(4);
    JUMP_TO(pc[1]);
}
L_GETELEM: regs[pc[1]] = val_tuple_elems(regs[pc[2]])[pc[3]]; NEXT(4);
L_GETHD: regs[pc[1]] = val_head(regs[pc[2]]); NEXT(3);
L_GETTL: regs[pc[1]] = val_tail(regs[pc[2]]); NEXT(3);
L_MAPFETCH: SLOW(op_mapfetch);
L_BINPREFIX: SLOW(op_binprefix);
L_TUPLE: {
    uint32_t n = pc[2];
    Value t = val_make_tuple(&p->arena, n);
    ALLOC_CHECK(t);
    Value *e = val_tuple_elems(t);
    for (uint32_t i = 0; i < n; i++) e[i] = regs[pc[3 + i]];
    regs[pc[1]] = t;
    NEXT(3 + n);
}
L_CONS: {
    Value *cell = arena_alloc(&p->arena, 2);
    if (!cell) { vm_nomem(p); goto raise; }
    cell[0] = regs[pc[2]];
    cell[1] = regs[pc[3]];
    regs[pc[1]] = val_cons_from(cell);
    NEXT(4);
}
L_MAP: SLOW(op_map);
L_MAPUPD: SLOW(op_mapupd);
L_FUN: SLOW(op_fun);
L_GETFREE: regs[pc[1]] = val_fun_free(regs[code->head.arity])[pc[2]]; NEXT(3);

L_CALL:
    SPEND();
    ENTER(push_call(p, fr, code->module->funs[pc[2]], pc + 4, pc[3], ATOM_NIL, pc[1], pc + 4 + pc[3]));
L_TCALL:
    SPEND();
    ENTER(replace_call(p, fr, code->module->funs[pc[1]], pc + 3, pc[2], ATOM_NIL));
L_CALLX: {
    SPEND();
    Export *e = code->imports[pc[2]];
    BuiltinFn nat = atomic_load_explicit(&e->native, memory_order_acquire);
    if (nat) {
        Value v = call_native(p, fr, nat, pc + 4, pc[3]);
        if (v != THE_NON_VALUE) { regs = p->stack + fr->base; regs[pc[1]] = v; NEXT(4 + pc[3]); }
        if (!p->tail_pending || !vm_call_pending(p, false, pc[1], pc + 4 + pc[3])) goto raise;
        goto reload;
    }
    const Code *callee = atomic_load_explicit(&e->code, memory_order_acquire);
    if (!callee) SLOW(op_call_slow);
    ENTER(push_call(p, fr, callee, pc + 4, pc[3], ATOM_NIL, pc[1], pc + 4 + pc[3]));
}
L_TCALLX: {
    SPEND();
    Export *e = code->imports[pc[1]];
    BuiltinFn nat = atomic_load_explicit(&e->native, memory_order_acquire);
    if (nat) {
        retv = call_native(p, fr, nat, pc + 3, pc[2]);
        if (retv != THE_NON_VALUE) goto do_return;
        if (!p->tail_pending || !vm_call_pending(p, true, 0, NULL)) goto raise;
        goto reload;
    }
    const Code *callee = atomic_load_explicit(&e->code, memory_order_acquire);
    if (!callee) SLOW(op_call_slow);
    ENTER(replace_call(p, fr, callee, pc + 3, pc[2], ATOM_NIL));
}
L_CALLF: {
    SPEND();
    Value fun = regs[pc[2]];
    if (!val_is_fun(fun) || val_fun_info(fun)->arity != pc[3]) SLOW(op_call_slow);
    ENTER(push_call(p, fr, (const Code *)val_fun_info(fun), pc + 4, pc[3], fun, pc[1], pc + 4 + pc[3]));
}
L_TCALLF: {
    SPEND();
    Value fun = regs[pc[1]];
    if (!val_is_fun(fun) || val_fun_info(fun)->arity != pc[2]) SLOW(op_call_slow);
    ENTER(replace_call(p, fr, (const Code *)val_fun_info(fun), pc + 3, pc[2], fun));
}
L_CALLD:
L_TCALLD: SLOW(op_calld);
L_RET:
    retv = regs[pc[1]];
do_return:
    if (--p->nframes == 0) {
        p->result = retv;
        p->status = PROC_DONE;
        return VM_DONE;
    }
    fr = vm_top(p);
    code = fr->code, pc = fr->pc, regs = p->stack + fr->base, K = code->consts;
    regs[fr->dst] = retv;
    DISPATCH();
L_DOT: SLOW(op_dot);
L_ERROR: SLOW(op_error);
L_FCLAUSE: SLOW(op_fclause);
L_TRY: SLOW(op_try);
L_ENDTRY: p->nhandlers--; NEXT(1);
L_RERAISE: SLOW(op_reraise);
L_ITER: SLOW(op_iter);
L_NEXT:
    SPEND();
    SAFE_POINT();
    SLOW(op_next);
L_TOSTR: SLOW(op_tostr);
L_CONCAT: SLOW(op_concat);
L_SENDT: SPEND(); SLOW(op_sendt);
L_RECVNEXT: SLOW(op_recvnext);
L_RECVSKIP: SLOW(op_recvskip);
L_RECVTAKE: SLOW(op_recvtake);
L_RECVWAIT:
    fr->pc = code->ins + pc[1];
    p->status = PROC_WAITING;
    return VM_WAIT;
L_RECVAFTER: {
    Value t = regs[pc[2]];
    if (p->killed_by != NULL) { /* an exit signal ends the process: no `after` branch */
        fr->pc = code->ins + pc[1];
        return VM_WAIT;
    }
    if (p->recv_timed_out || t == val_small(0)) {
        p->recv_timed_out = 0;
        p->wait_until_ms = -1;
        mailbox_recv_begin(&p->rt.mb);
        JUMP_TO(pc[3]);
    }
    if (t != ATOM_INFINITY && !(val_is_small(t) && val_small_get(t) > 0)) {
        err_argument(p, "argument error");
        goto raise;
    }
    if (val_is_small(t) && p->wait_until_ms < 0) p->wait_until_ms = rt_now_ms() + val_small_get(t);
    fr->pc = code->ins + pc[1];
    p->status = PROC_WAITING;
    return VM_WAIT;
}
L_DEFMOD: SLOW(op_defmod);
L_MODDONE: SLOW(op_moddone);

yield:
    fr->pc = pc;
    return VM_YIELD;
raise:
    if (!proc_cold(p)->exc_code) {
        proc_ext(p)->exc_code = code;
        p->ext->exc_pc = (uint32_t)(pc - code->ins);
    }
    if (!vm_unwind(p)) {
        p->status = PROC_FAILED;
        return VM_FAILED;
    }
    goto reload;
}
