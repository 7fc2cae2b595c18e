/* vm_ops2.c: more of the interpreter's instructions (interp.h): comprehension iteration,
 * to_string and binary concatenation, receive, and module definition (DEFMOD runs the body,
 * MODDONE compiles the functions and publishes the module). */
#include <string.h>
#include <time.h>

#include "compile/compile.h"
#include "value/chars.h"
#include "value/inspect.h"
#include "value/map.h"
#include "vm/vminspect.h"
#include "vm/error.h"
#include "rt/runtime.h"
#include "vm/interp.h"

/* The {k, v} pairs of map `m` as a list, in key order. */
static Value map_pairs(Process *p, Value m)
{
    size_t n = map_size(m);
    Value list = VAL_NIL;
    for (size_t i = n; i-- > 0;) {
        Value kv[2];
        map_nth(m, i, &kv[0], &kv[1]);
        Value t = val_make_tuple_from(&p->arena, kv, 2);
        if (t == THE_NON_VALUE || (list = val_make_cons(&p->arena, t, list)) == THE_NON_VALUE)
            return THE_NON_VALUE;
    }
    return list;
}

static bool struct_is(Value v, const char *name)
{
    Value s = val_is_map(v) ? map_struct_name(v) : THE_NON_VALUE;
    return s != THE_NON_VALUE && strcmp(atom_name(val_atom_index(s)), name) == 0;
}

/* The keys of map `m` as a list (MapSet iteration). */
static Value map_keys(Process *p, Value m)
{
    Value list = VAL_NIL;
    for (size_t i = map_size(m); i-- > 0;) {
        Value k, v;
        map_nth(m, i, &k, &v);
        if ((list = val_make_cons(&p->arena, k, list)) == THE_NON_VALUE) return THE_NON_VALUE;
    }
    return list;
}

/* Iterator state in s, s+1, s+2: a list and nil, or a range's next, last and step. */
const uint32_t *op_iter(Process *p, Value *regs, const uint32_t *pc)
{
    Value e = regs[pc[2]], *s = &regs[pc[1]];
    if (struct_is(e, "Elixir.Range")) {
        Value first = map_get(e, val_atom_cstr("first")), last = map_get(e, val_atom_cstr("last"));
        Value step = map_get(e, val_atom_cstr("step"));
        if (val_is_small(first) && val_is_small(last) && val_is_small(step)) {
            s[0] = first, s[1] = last, s[2] = step;
            return pc + 3;
        }
    }
    if (struct_is(e, "Elixir.MapSet")) e = map_keys(p, map_get(e, val_atom_cstr("map")));
    else if (val_is_map(e) && map_struct_name(e) == THE_NON_VALUE) e = map_pairs(p, e);
    else if (!val_is_list(e)) return err_protocol(p, "Enumerable", e), NULL;
    if (e == THE_NON_VALUE) return vm_nomem(p);
    s[0] = e, s[1] = ATOM_NIL, s[2] = ATOM_NIL;
    return pc + 3;
}

const uint32_t *op_next(Process *p, Value *regs, const uint32_t *pc)
{
    Value *s = &regs[pc[3]];
    const Code *code = vm_top(p)->code;
    if (s[1] == ATOM_NIL) {
        if (!val_is_cons(s[0])) return code->ins + pc[1];
        regs[pc[2]] = val_head(s[0]);
        s[0] = val_tail(s[0]);
        return pc + 4;
    }
    int64_t cur = val_small_get(s[0]), last = val_small_get(s[1]), step = val_small_get(s[2]);
    if (step == 0 || (step > 0 ? cur > last : cur < last)) return code->ins + pc[1];
    regs[pc[2]] = s[0];
    int64_t next = cur + step; /* cannot overflow: both fit 63 bits */
    if (next > SMALL_INT_MAX || next < SMALL_INT_MIN) s[2] = val_small(0); /* exhausted */
    else s[0] = val_small(next);
    return pc + 4;
}

/* to_string(v) as a binary (String.Chars), or raises. */
static Value chars(Process *p, Value v)
{
    if (val_is_binary(v)) return v;
    StrBuf sb = {0};
    int64_t bad = 0;
    CharsStatus st = chars_append(&sb, v, &bad);
    if (st == CHARS_OK) {
        Value r = val_make_binary(&p->arena, sb.data ? sb.data : "", sb.len);
        strbuf_free(&sb);
        return r == THE_NON_VALUE ? (vm_nomem(p), r) : r;
    }
    strbuf_free(&sb);
    if (st == CHARS_NOT_IMPLEMENTED) return err_protocol(p, "String.Chars", v);
    chars_error_message(&sb, st, v, bad);
    Value msg = val_make_binary(&p->arena, sb.data ? sb.data : "", sb.len);
    strbuf_free(&sb);
    if (st == CHARS_BAD_LIST) return err_argument(p, val_binary_bytes(msg));
    Value keys[2] = {val_atom_cstr("encoded"), ATOM_MESSAGE}, vals[2] = {v, msg};
    return raise_error(p, exc_make(p, val_atom_cstr("Elixir.UnicodeConversionError"), keys, vals, 2));
}

const uint32_t *op_tostr(Process *p, Value *regs, const uint32_t *pc)
{
    Value v = chars(p, regs[pc[2]]);
    if (v == THE_NON_VALUE) return NULL;
    regs[pc[1]] = v;
    return pc + 3;
}

const uint32_t *op_concat(Process *p, Value *regs, const uint32_t *pc)
{
    uint32_t n = pc[2];
    size_t len = 0;
    for (uint32_t i = 0; i < n; i++) {
        Value v = regs[pc[3 + i]];
        if (!val_is_binary(v)) {
            StrBuf sb = {0};
            strbuf_printf(&sb, "construction of binary failed: segment %u of type 'binary': "
                               "expected a binary but got: ", i + 1);
            vm_inspect(&sb, v);
            err_argument(p, strbuf_cstr(&sb));
            strbuf_free(&sb);
            return NULL;
        }
        len += val_binary_len(v);
    }
    Value r = val_make_binary_uninit(&p->arena, len);
    if (r == THE_NON_VALUE) return vm_nomem(p);
    char *out = val_binary_mut(r);
    for (uint32_t i = 0; i < n; i++) {
        Value v = regs[pc[3 + i]];
        memcpy(out, val_binary_bytes(v), val_binary_len(v));
        out += val_binary_len(v);
    }
    regs[pc[1]] = r;
    return pc + 3 + n;
}

const uint32_t *op_sendt(Process *p, Value *regs, const uint32_t *pc)
{
    uint32_t n = pc[2];
    Value elems[SENDT_MAX];
    for (uint32_t i = 0; i < n; i++) elems[i] = regs[pc[3 + i]];
    if (!rt_send_tuple(p, regs[pc[1]], elems, n)) return NULL;
    return pc + 3 + n;
}

/* RECVNEXT L d copy: the message is matched where it is (in its signal's block) unless
 * `copy` (a guard of this receive builds terms, which could hold pointers into the block
 * where RECVTAKE and RECVSKIP do not look). */
const uint32_t *op_recvnext(Process *p, Value *regs, const uint32_t *pc)
{
    Signal *m = proc_recv_next(p);
    if (!m) return vm_top(p)->code->ins + pc[1];
    Value v = proc_recv_look(p, m, pc[3] != 0);
    if (v == THE_NON_VALUE) return vm_nomem(p);
    regs[pc[2]] = v;
    return pc + 4;
}

/* RECVSKIP L msg: the clauses' bindings, all dead now, must not keep pointers into the
 * skipped message's block: a later receive may free it. */
const uint32_t *op_recvskip(Process *p, Value *regs, const uint32_t *pc)
{
    Signal *m = mailbox_recv_peek(&p->rt.mb);
    if (m) {
        if (m->where == SIG_LOOKED)
            proc_recv_unpin(m, regs + pc[2], vm_top(p)->code->nregs - pc[2]);
        mailbox_recv_skip(&p->rt.mb);
    }
    return vm_top(p)->code->ins + pc[1];
}

/* RECVTAKE L msg bound hi: the message at the save pointer matched. If it is still in its
 * signal's block and a register from `msg` up to `hi` (the message itself when `bound`, a
 * clause variable; the compiler allocates the receive's registers from `msg` on, and `hi`
 * past every one its clause heads so far could write) points into it, it is copied into the
 * heap and matched again from L (the RECVNEXT: guards are pure, so the same clause matches);
 * else its block is freed. */
const uint32_t *op_recvtake(Process *p, Value *regs, const uint32_t *pc)
{
    Signal *m = mailbox_recv_peek(&p->rt.mb);
    if (m && m->where == SIG_LOOKED) {
        if (!pc[3]) regs[pc[2]] = VAL_NIL;
        if (proc_recv_pins(m, regs + pc[2], pc[4] - pc[2])) {
            if (proc_recv_value(p, m) == THE_NON_VALUE) return vm_nomem(p);
            return vm_top(p)->code->ins + pc[1];
        }
    }
    proc_recv_take(p);
    p->wait_until_ms = -1;
    p->recv_timed_out = 0;
    return pc + 5;
}

static const uint32_t *compile_failed(Process *p, const CompileError *err)
{
    err_compile(p, err->exception, err->file, err->line, err->message);
    return NULL;
}

const uint32_t *op_defmod(Process *p, Value *regs, const uint32_t *pc)
{
    (void)regs;
    ModuleDef *def = vm_top(p)->code->ptrs[pc[2]];
    CompileError err;
    Code *body = compile_module_body(def, &err);
    if (!body) return compile_failed(p, &err);
    Callee c = {body, NULL, ATOM_NIL, ATOM_NIL};
    if (!vm_call(p, c, NULL, 0, false, pc[1], pc + 3)) return NULL;
    module_set_defining(compile_module_name(def), true);
    return VM_RELOAD;
}

const uint32_t *op_moddone(Process *p, Value *regs, const uint32_t *pc)
{
    ModuleDef *def = vm_top(p)->code->ptrs[pc[1]];
    uint32_t n = pc[2];
    Value attrs[n + 1];
    for (uint32_t i = 0; i < n; i++) attrs[i] = regs[pc[3 + i]];
    CompileError err;
    module_set_defining(compile_module_name(def), false);
    Module *m = compile_module_functions(def, attrs, n, &err);
    if (!m) return compile_failed(p, &err);
    module_define(m);
    return pc + 3 + n;
}
