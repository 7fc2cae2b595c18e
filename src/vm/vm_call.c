/* vm_call.c: the general call machinery shared by the interpreter's slow paths: resolving
 * funs, exports and module/function pairs, entering ember code or running a builtin (following
 * its tail-call requests), returning, unwinding to a handler, and starting a process. The hot
 * local and remote call paths are inlined in vm.c. */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "rt/perm.h"
#include "value/inspect.h"
#include "value/strbuf.h"

#include "value/map.h"
#include "vm/vminspect.h"
#include "vm/error.h"
#include "vm/interp.h"

const uint32_t vm_reload_marker[1] = {0};

Value vm_list_of(Process *p, const Value *vals, uint32_t n)
{
    return val_make_list(&p->arena, vals, n, VAL_NIL);
}

const uint32_t *vm_nomem(Process *p)
{
    err_system_limit(p);
    return NULL;
}

bool vm_resolve_fun(Process *p, Value fun, const Value *args, uint32_t n, Callee *out)
{
    if (!val_is_fun(fun)) return err_badfun(p, fun), false;
    const Code *code = (const Code *)val_fun_info(fun);
    if (code->head.arity != n) return err_badarity(p, fun, vm_list_of(p, args, n)), false;
    out->code = code;
    out->native = NULL;
    out->closure = fun;
    out->fun = fun;
    return true;
}

bool vm_resolve_export(Process *p, Export *e, Callee *out)
{
    out->closure = ATOM_NIL;
    out->fun = ATOM_NIL;
    for (int attempt = 0; attempt < 2; attempt++) {
        out->native = atomic_load_explicit(&e->native, memory_order_acquire);
        out->code = atomic_load_explicit(&e->code, memory_order_acquire);
        if (out->native || out->code) return true;
        if (attempt == 0 && !module_ensure_loaded(e->module)) break;
    }
    err_undef(p, e->module, e->name, e->arity);
    return false;
}

bool vm_resolve_mfa(Process *p, Value mod, Value name, uint32_t n, Callee *out)
{
    if (!val_is_atom(mod)) {
        StrBuf sb = {0};
        strbuf_puts(&sb, "you attempted to apply a function named ");
        vm_inspect(&sb, name);
        strbuf_puts(&sb, " on ");
        vm_inspect(&sb, mod);
        strbuf_puts(&sb, ". If you are using Kernel.apply/3, make sure the module is an atom. If "
                         "you are using the dot syntax, such as module.function(), make sure the "
                         "left-hand side of the dot is a module atom");
        err_argument(p, strbuf_cstr(&sb));
        strbuf_free(&sb);
        return false;
    }
    Export *e = export_get(mod, name, n);
    if (!e) return vm_nomem(p), false;
    return vm_resolve_export(p, e, out);
}

bool vm_push(Process *p, const Code *code, uint32_t base, const Value *args, uint32_t n, Value closure)
{
    if (!proc_frame_room(p, base, code->nregs + 1)) return vm_nomem(p), false;
    Value *regs = p->stack + base;
    if (n) memmove(regs, args, n * sizeof *regs);
    if (code->kind == CODE_FN) regs[code->head.arity] = closure;
    Frame *f = proc_push_frame(p, code, base);
    if (!f) return vm_nomem(p), false;
    f->pc = code->ins;
    return true;
}

void vm_return(Process *p, Value v)
{
    p->nframes--;
    if (p->nframes == 0) {
        p->result = v;
        p->status = PROC_DONE;
        return;
    }
    Frame *caller = vm_top(p);
    p->stack[caller->base + caller->dst] = v;
}

/* Runs builtin `fn` on the `n` args; returns its result or THE_NON_VALUE. */
static Value run_native(Process *p, BuiltinFn fn, const Value *args, uint32_t n)
{
    uint32_t base = p->nframes ? vm_top(p)->base + vm_top(p)->code->nregs : 0;
    if (!proc_stack_reserve(p, base, n + 1)) return vm_nomem(p), THE_NON_VALUE;
    Value *scratch = p->stack + base;
    if (n) memmove(scratch, args, n * sizeof *scratch);
    p->tail_pending = false;
    return fn(p, scratch);
}

/* Takes the pending tail-call request into `c` and args[] (at most 255). */
static bool take_pending(Process *p, Callee *c, Value *args, uint32_t *n)
{
    Value fun = p->tail_fun, list = p->tail_args;
    p->tail_pending = false;
    p->tail_fun = p->tail_args = ATOM_NIL;
    uint32_t k = 0;
    for (; val_is_cons(list) && k < 255; list = val_tail(list)) args[k++] = val_head(list);
    *n = k;
    if (val_is_tuple(fun) && val_tuple_arity(fun) == 2)
        return vm_resolve_mfa(p, val_tuple_elems(fun)[0], val_tuple_elems(fun)[1], k, c);
    return vm_resolve_fun(p, fun, args, k, c);
}

bool vm_call(Process *p, Callee c, const Value *args, uint32_t n, bool tail, uint32_t dst,
             const uint32_t *next)
{
    Value buf[256];
    for (;;) {
        if (!tail) {
            Frame *f = vm_top(p);
            f->pc = next;
            f->dst = dst;
        }
        if (c.code) {
            Frame *f = vm_top(p);
            if (tail) {
                uint32_t base = f->base;
                p->nframes--;
                return vm_push(p, c.code, base, args, n, c.closure);
            }
            return vm_push(p, c.code, f->base + f->code->nregs, args, n, c.closure);
        }
        Value v = run_native(p, c.native, args, n);
        if (v != THE_NON_VALUE) {
            if (tail) vm_return(p, v);
            else p->stack[vm_top(p)->base + dst] = v;
            return true;
        }
        if (!p->tail_pending) return false;
        if (!take_pending(p, &c, buf, &n)) return false;
        args = buf;
    }
}

bool vm_call_pending(Process *p, bool tail, uint32_t dst, const uint32_t *next)
{
    Value buf[256];
    uint32_t n;
    Callee c;
    if (!take_pending(p, &c, buf, &n)) return false;
    return vm_call(p, c, buf, n, tail, dst, next);
}

bool vm_unwind(Process *p)
{
    if (p->nhandlers == 0) return false;
    ProcExt *x = proc_ext(p);
    x->catch_code = x->exc_code;
    x->catch_pc = x->exc_pc;
    x->exc_code = NULL;
    Handler h = p->handlers[--p->nhandlers];
    p->nframes = h.frame + 1;
    Frame *f = vm_top(p);
    Value *regs = p->stack + f->base;
    regs[h.kind_reg] = x->exc_kind;
    regs[h.value_reg] = x->exc_value;
    f->pc = h.pc;
    return true;
}

Value builtin_tail_call(Process *p, Value fun, Value args)
{
    p->tail_pending = true;
    p->tail_fun = fun;
    p->tail_args = args;
    return THE_NON_VALUE;
}

bool vm_start(Process *p, const Code *code, const Value *args, uint32_t nargs)
{
    p->nframes = 0;
    p->nhandlers = 0;
    p->status = PROC_RUNNABLE;
    if (!vm_push(p, code, 0, args, nargs, ATOM_NIL)) return false;
    return true;
}

/* The code every vm_start_apply process runs first: `TCALLF r0 n...` built per arity would
 * need a Code per arity; instead the entry is a tiny trampoline that applies r0 to the list
 * in r1 through Kernel.apply/2. */
bool vm_start_apply(Process *p, Value fun, Value args)
{
    static _Atomic(const Code *) trampoline;
    const Code *t = atomic_load_explicit(&trampoline, memory_order_acquire);
    if (!t) {
        Code *c = perm_alloc(sizeof *c);
        uint32_t *ins = perm_alloc(5 * sizeof *ins);
        Export **imps = perm_alloc(sizeof *imps);
        imps[0] = export_get(val_atom_cstr("Elixir.Kernel"), val_atom_cstr("apply"), 2);
        ins[0] = OP_TCALLX, ins[1] = 0, ins[2] = 2, ins[3] = 0, ins[4] = 1;
        c->kind = CODE_DEF;
        c->head.arity = 2;
        c->head.module = val_atom_cstr("erlang");
        c->head.def_name = val_atom_cstr("apply");
        c->head.def_arity = 2;
        c->nregs = 3;
        c->ins = ins;
        c->nins = 5;
        c->imports = imps;
        c->nimports = 1;
        c->file = "nofile";
        const Code *expected = NULL;
        t = atomic_compare_exchange_strong(&trampoline, &expected, c) ? c : expected;
    }
    Value a[2] = {fun, args};
    return vm_start(p, t, a, 2);
}

VmStatus vm_run_to_end(Process *p)
{
    for (;;) {
        VmStatus st = vm_run(p, VM_SLICE);
        if (st == VM_YIELD) continue;
        if (st != VM_WAIT || p->killed_by) return st;
        if (proc_recv_next(p)) continue;
        if (p->wait_until_ms < 0) return VM_WAIT;
        int64_t left = p->wait_until_ms - rt_now_ms();
        if (left > 0) {
            struct timespec ts = {left / 1000, (left % 1000) * 1000000};
            nanosleep(&ts, NULL);
        }
        p->recv_timed_out = 1;
    }
}
