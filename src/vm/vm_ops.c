/* vm_ops.c: the interpreter's less frequent instructions and its slow paths (interp.h):
 * generic arithmetic and comparison, booleans, maps, closures, the dot operator, dynamic
 * calls, errors, handlers, comprehension iteration, strings, and module definition. Each
 * helper reads its operands at `pc` and returns the next pc (or VM_RELOAD / NULL). */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "compile/compile.h"
#include "value/chars.h"
#include "value/inspect.h"
#include "value/map.h"
#include "vm/error.h"
#include "vm/interp.h"

#define K(x) (vm_top(p)->code->consts)
#define RK(x) (((x) & OPK_BIT) ? vm_top(p)->code->consts[(x) & ~OPK_BIT] : regs[x])

static bool to_double(Value v, double *d)
{
    if (val_is_int(v)) *d = (double)val_int_get(v);
    else if (val_is_float(v)) *d = val_float_get(v);
    else return false;
    return true;
}

static Value float_result(Process *p, const char *op, Value a, Value b, double r)
{
    if (!isfinite(r)) return err_badarith(p, op, a, b);
    Value v = val_make_float(&p->arena, r);
    return v == THE_NON_VALUE ? (vm_nomem(p), v) : v;
}

Value vm_arith(Process *p, char op, Value a, Value b)
{
    char text[2] = {op, 0};
    if (val_is_int(a) && val_is_int(b) && op != '/') {
        int64_t x = val_int_get(a), y = val_int_get(b), r;
        bool ovf = op == '+' ? __builtin_add_overflow(x, y, &r)
                 : op == '-' ? __builtin_sub_overflow(x, y, &r)
                             : __builtin_mul_overflow(x, y, &r);
        if (ovf) return err_badarith(p, text, a, b);
        Value v = val_make_int(&p->arena, r);
        return v == THE_NON_VALUE ? (vm_nomem(p), v) : v;
    }
    double x, y;
    if (!to_double(a, &x) || !to_double(b, &y)) return err_badarith(p, text, a, b);
    switch (op) {
    case '+': return float_result(p, text, a, b, x + y);
    case '-': return float_result(p, text, a, b, x - y);
    case '*': return float_result(p, text, a, b, x * y);
    default:
        if (y == 0.0) return err_badarith(p, text, a, b);
        return float_result(p, text, a, b, x / y);
    }
}

const uint32_t *op_arith(Process *p, Value *regs, const uint32_t *pc)
{
    static const char ops[] = {[OP_ADD] = '+', [OP_SUB] = '-', [OP_MUL] = '*', [OP_DIV] = '/'};
    Value v = vm_arith(p, ops[pc[0]], RK(pc[2]), RK(pc[3]));
    if (v == THE_NON_VALUE) return NULL;
    regs[pc[1]] = v;
    return pc + 4;
}

Value vm_intdiv(Process *p, bool rem, Value a, Value b)
{
    if (!val_is_int(a) || !val_is_int(b) || val_int_get(b) == 0 ||
        (!rem && val_int_get(a) == INT64_MIN && val_int_get(b) == -1))
        return err_badarith(p, rem ? "rem" : "div", a, b);
    int64_t x = val_int_get(a), y = val_int_get(b);
    int64_t r = y == -1 ? (rem ? 0 : -x) : rem ? x % y : x / y;
    Value v = val_make_int(&p->arena, r);
    return v == THE_NON_VALUE ? (vm_nomem(p), v) : v;
}

/* IDIV and REM past their fast path (a negative or zero divisor, boxed integers, others). */
const uint32_t *op_intdiv(Process *p, Value *regs, const uint32_t *pc)
{
    Value v = vm_intdiv(p, pc[0] == OP_REM, RK(pc[2]), RK(pc[3]));
    if (v == THE_NON_VALUE) return NULL;
    regs[pc[1]] = v;
    return pc + 4;
}

bool vm_compare_op(Opcode op, Value a, Value b)
{
    switch (op) {
    case OP_LT: return val_compare(a, b) < 0;
    case OP_LE: return val_compare(a, b) <= 0;
    case OP_GT: return val_compare(a, b) > 0;
    case OP_GE: return val_compare(a, b) >= 0;
    case OP_EQ: return val_equal(a, b);
    case OP_NE: return !val_equal(a, b);
    case OP_SEQ: return val_exact_equal(a, b);
    default: return !val_exact_equal(a, b);
    }
}

const uint32_t *op_compare(Process *p, Value *regs, const uint32_t *pc)
{
    regs[pc[1]] = val_bool(vm_compare_op((Opcode)pc[0], RK(pc[2]), RK(pc[3])));
    return pc + 4;
}

const uint32_t *op_neg(Process *p, Value *regs, const uint32_t *pc)
{
    Value a = RK(pc[2]), v;
    if (val_is_int(a)) {
        int64_t x = val_int_get(a);
        if (x == INT64_MIN) return err_badarith(p, "-", a, THE_NON_VALUE), NULL;
        v = val_make_int(&p->arena, -x);
    } else if (val_is_float(a)) {
        v = val_make_float(&p->arena, -val_float_get(a));
    } else {
        return err_badarith(p, "-", a, THE_NON_VALUE), NULL;
    }
    if (v == THE_NON_VALUE) return vm_nomem(p);
    regs[pc[1]] = v;
    return pc + 3;
}

const uint32_t *op_not(Process *p, Value *regs, const uint32_t *pc)
{
    Value a = regs[pc[2]];
    if (a != ATOM_TRUE && a != ATOM_FALSE) return err_argument(p, "argument error"), NULL;
    regs[pc[1]] = val_bool(a == ATOM_FALSE);
    return pc + 3;
}

const uint32_t *op_boolchk(Process *p, Value *regs, const uint32_t *pc)
{
    Value a = regs[pc[1]];
    if (a == ATOM_TRUE || a == ATOM_FALSE) return pc + 3;
    return err_badbool(p, atom_name(pc[2]), a), NULL;
}

const uint32_t *op_map(Process *p, Value *regs, const uint32_t *pc)
{
    uint32_t n = pc[2];
    Value keys[n + 1], vals[n + 1];
    for (uint32_t i = 0; i < n; i++) keys[i] = regs[pc[3 + 2 * i]], vals[i] = regs[pc[4 + 2 * i]];
    Value m = map_from_pairs(&p->arena, keys, vals, n);
    if (m == THE_NON_VALUE) return vm_nomem(p);
    regs[pc[1]] = m;
    return pc + 3 + 2 * n;
}

const uint32_t *op_mapupd(Process *p, Value *regs, const uint32_t *pc)
{
    Value m = regs[pc[2]];
    uint32_t n = pc[3];
    if (!val_is_map(m)) return err_badmap(p, m), NULL;
    for (uint32_t i = 0; i < n; i++) {
        Value k = regs[pc[4 + 2 * i]];
        if (map_get(m, k) == THE_NON_VALUE) return err_key(p, k, THE_NON_VALUE), NULL;
        m = map_put(&p->arena, m, k, regs[pc[5 + 2 * i]]);
        if (m == THE_NON_VALUE) return vm_nomem(p);
    }
    regs[pc[1]] = m;
    return pc + 4 + 2 * n;
}

const uint32_t *op_mapfetch(Process *p, Value *regs, const uint32_t *pc)
{
    Value v = map_get(regs[pc[3]], regs[pc[4]]);
    if (v == THE_NON_VALUE) return vm_top(p)->code->ins + pc[1];
    regs[pc[2]] = v;
    return pc + 5;
}

const uint32_t *op_binprefix(Process *p, Value *regs, const uint32_t *pc)
{
    Value s = regs[pc[3]], pre = vm_top(p)->code->consts[pc[4]];
    size_t n = val_binary_len(pre);
    if (!val_is_binary(s) || val_binary_len(s) < n || memcmp(val_binary_bytes(s), val_binary_bytes(pre), n) != 0)
        return vm_top(p)->code->ins + pc[1];
    Value rest = val_make_binary(&p->arena, val_binary_bytes(s) + n, val_binary_len(s) - n);
    if (rest == THE_NON_VALUE) return vm_nomem(p);
    regs[pc[2]] = rest;
    return pc + 5;
}

const uint32_t *op_fun(Process *p, Value *regs, const uint32_t *pc)
{
    const Code *child = vm_top(p)->code->children[pc[2]];
    uint32_t n = pc[3];
    Value f = val_make_fun(&p->arena, &child->head, n);
    if (f == THE_NON_VALUE) return vm_nomem(p);
    Value *fv = val_fun_free(f);
    for (uint32_t i = 0; i < n; i++) fv[i] = regs[pc[4 + i]];
    regs[pc[1]] = f;
    return pc + 4 + n;
}

const uint32_t *op_dot(Process *p, Value *regs, const uint32_t *pc)
{
    Value s = regs[pc[2]], key = val_atom(pc[3]);
    if (val_is_map(s)) {
        Value v = map_get(s, key);
        if (v == THE_NON_VALUE) return err_key(p, key, s), NULL;
        regs[pc[1]] = v;
        return pc + 4;
    }
    if (!val_is_atom(s) || s == ATOM_NIL || s == ATOM_TRUE || s == ATOM_FALSE) return err_dot(p, key, s), NULL;
    Callee c;
    if (!vm_resolve_mfa(p, s, key, 0, &c)) return NULL;
    return vm_call(p, c, NULL, 0, false, pc[1], pc + 4) ? VM_RELOAD : NULL;
}

const uint32_t *op_calld(Process *p, Value *regs, const uint32_t *pc)
{
    bool tail = pc[0] == OP_TCALLD;
    const uint32_t *o = tail ? pc + 1 : pc + 2;
    uint32_t n = o[2];
    Value args[256];
    for (uint32_t i = 0; i < n; i++) args[i] = regs[o[3 + i]];
    Callee c;
    if (!vm_resolve_mfa(p, regs[o[0]], val_atom(o[1]), n, &c)) return NULL;
    if (tail && --p->reductions < 0) p->reductions = 0;
    return vm_call(p, c, args, n, tail, tail ? 0 : pc[1], o + 3 + n) ? VM_RELOAD : NULL;
}

/* The slow paths of CALLX/TCALLX (a builtin tail call, a module to load, an undefined
 * function) and CALLF/TCALLF (not a fun, wrong arity). */
const uint32_t *op_call_slow(Process *p, Value *regs, const uint32_t *pc)
{
    Opcode op = (Opcode)pc[0];
    bool tail = op == OP_TCALLX || op == OP_TCALLF;
    const uint32_t *o = tail ? pc + 1 : pc + 2; /* callee operand, count, registers */
    uint32_t n = o[1];
    Value args[256];
    for (uint32_t i = 0; i < n; i++) args[i] = regs[o[2 + i]];
    Callee c;
    bool ok = op == OP_CALLX || op == OP_TCALLX ? vm_resolve_export(p, vm_top(p)->code->imports[o[0]], &c)
                                                : vm_resolve_fun(p, regs[o[0]], args, n, &c);
    if (!ok) return NULL;
    return vm_call(p, c, args, n, tail, tail ? 0 : pc[1], o + 2 + n) ? VM_RELOAD : NULL;
}

const uint32_t *op_error(Process *p, Value *regs, const uint32_t *pc)
{
    Value kind = val_atom(pc[1]);
    if (kind == ATOM_ELIXIR_COND_CLAUSE_ERROR) return err_cond(p), NULL;
    return err_term(p, kind, regs[pc[2]]), NULL;
}

/* FunctionClauseError for the running function: "-name/arity-fun-N-" for a fn, as Elixir. */
const uint32_t *op_fclause(Process *p, Value *regs, const uint32_t *pc)
{
    (void)pc;
    const Code *code = vm_top(p)->code;
    Value args = vm_list_of(p, regs, code->head.arity);
    Value module = code->head.module, fname = code->head.def_name;
    if (code->kind == CODE_FN) {
        char buf[300];
        const char *def = code->head.def_name == ATOM_NIL ? "__FILE__" : atom_name(val_atom_index(code->head.def_name));
        uint32_t da = code->head.def_name == ATOM_NIL ? 1 : code->head.def_arity;
        snprintf(buf, sizeof buf, "-%s/%u-fun-%u-", def, da, code->head.index);
        fname = val_atom_cstr(buf);
        if (code->head.def_name == ATOM_NIL) module = val_atom_cstr("elixir_compiler_0");
    }
    return err_fclause(p, module, fname, code->head.arity, args), NULL;
}

const uint32_t *op_try(Process *p, Value *regs, const uint32_t *pc)
{
    (void)regs;
    Handler h = {p->nframes - 1, pc[2], pc[3], vm_top(p)->code->ins + pc[1]};
    if (!proc_push_handler(p, h)) return vm_nomem(p);
    return pc + 4;
}

const uint32_t *op_reraise(Process *p, Value *regs, const uint32_t *pc)
{
    ProcExt *x = proc_ext(p);
    x->exc_kind = regs[pc[1]];
    x->exc_value = regs[pc[2]];
    return NULL;
}
