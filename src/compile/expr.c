/* expr.c: compiling expressions: the dispatch on node kind, literals (built once in the
 * module's literal heap), variables, tuples and lists, blocks and tail position. */
#include <stdio.h>
#include <string.h>

#include "compile/cstate.h"
#include "value/map.h"

Value atom_of(const char *text)
{
    return val_atom_cstr(text);
}

Value lit_binary(FnState *f, const char *bytes, size_t len)
{
    return val_make_binary(f->mod->lit, bytes, len);
}

uint32_t cload(FnState *f, Value v)
{
    uint32_t d = reg_new(f);
    emit_op(f, OP_LOADK, NULL);
    emit(f, d);
    emit(f, const_index(f, v));
    return d;
}

Value module_atom(ModCtx *m, const AstNode *n)
{
    if (n->kind == AST_ATOM) return atom_of(n->name);
    if (n->kind == AST_VAR && strcmp(n->name, "__MODULE__") == 0) return m->module;
    if (n->kind != AST_ALIAS) return THE_NON_VALUE;
    if (strcmp(n->name, "__MODULE__") == 0) return m->module;
    const char *dot = strchr(n->name, '.');
    size_t head = dot ? (size_t)(dot - n->name) : strlen(n->name);
    for (uint32_t i = m->naliases; i-- > 0;) {
        const Alias *a = &m->aliases[i];
        if (strlen(a->short_name) != head || strncmp(a->short_name, n->name, head) != 0) continue;
        if (!dot) return a->full;
        const char *base = atom_name(val_atom_index(a->full));
        size_t bl = strlen(base), rl = strlen(dot);
        char *buf = pool_alloc(m->pool, bl + rl + 1);
        memcpy(buf, base, bl);
        memcpy(buf + bl, dot, rl);
        return atom_of(buf);
    }
    size_t nl = strlen(n->name);
    char *buf = pool_alloc(m->pool, nl + 8);
    memcpy(buf, "Elixir.", 7);
    memcpy(buf + 7, n->name, nl);
    return atom_of(buf);
}

static bool literal_list(FnState *f, const AstNode *n, Value *out)
{
    Value tail = VAL_NIL;
    if (n->a && !literal_value(f, n->a, &tail)) return false;
    Value *items = pool_alloc(f->mod->pool, (n->nkids + 1) * sizeof *items);
    for (uint32_t i = 0; i < n->nkids; i++)
        if (!literal_value(f, n->kids[i], &items[i])) return false;
    *out = val_make_list(f->mod->lit, items, n->nkids, tail);
    return true;
}

static bool literal_tuple(FnState *f, const AstNode *n, Value *out)
{
    Value *items = pool_alloc(f->mod->pool, (n->nkids + 1) * sizeof *items);
    for (uint32_t i = 0; i < n->nkids; i++)
        if (!literal_value(f, n->kids[i], &items[i])) return false;
    *out = val_make_tuple_from(f->mod->lit, items, n->nkids);
    return true;
}

bool literal_value(FnState *f, const AstNode *n, Value *out)
{
    switch (n->kind) {
    case AST_INT: *out = val_make_int(f->mod->lit, n->ival); return true;
    case AST_FLOAT: *out = val_make_float(f->mod->lit, n->fval); return true;
    case AST_ATOM: *out = atom_of(n->name); return true;
    case AST_STRING: *out = lit_binary(f, n->str, n->len); return true;
    case AST_ALIAS: *out = module_atom(f->mod, n); return true;
    case AST_LIST: return literal_list(f, n, out);
    case AST_TUPLE: return literal_tuple(f, n, out);
    case AST_UNOP:
        if (strcmp(n->name, "-") == 0 && n->a->kind == AST_INT && n->a->ival != INT64_MIN) {
            *out = val_make_int(f->mod->lit, -n->a->ival);
            return true;
        }
        if (strcmp(n->name, "-") == 0 && n->a->kind == AST_FLOAT) {
            *out = val_make_float(f->mod->lit, -n->a->fval);
            return true;
        }
        return false;
    default: return false;
    }
}

uint32_t cexpr_rk(FnState *f, const AstNode *n)
{
    Value v;
    bool simple = n->kind == AST_INT || n->kind == AST_FLOAT || n->kind == AST_ATOM ||
                  (n->kind == AST_UNOP && strcmp(n->name, "-") == 0 &&
                   (n->a->kind == AST_INT || n->a->kind == AST_FLOAT));
    if (simple && literal_value(f, n, &v)) return OPK_BIT | const_index(f, v);
    return cexpr(f, n);
}

static uint32_t cvar(FnState *f, const AstNode *n)
{
    if (strcmp(n->name, "__MODULE__") == 0) return cload(f, f->mod->module);
    if (strcmp(n->name, "__STACKTRACE__") == 0) {
        if (!f->in_handler)
            cerror(f, n, "__STACKTRACE__ is available only inside catch and rescue clauses of try expressions");
        return emit_callx(f, n, atom_of("Elixir.Kernel"), atom_of("__stacktrace__"), NULL, 0, false);
    }
    if (strcmp(n->name, "_") == 0)
        cerror(f, n, "invalid use of _. \"_\" represents a value to be ignored in a pattern and "
                     "cannot be used in expressions");
    uint32_t r = var_lookup(f, n->name);
    if (r != NO_REG) return r;
    /* Elixir 1.14 treats an unknown variable as a call of a 0-arity function. */
    AstNode call = *n;
    call.kind = AST_CALL;
    call.nkids = 0;
    call.kids = NULL;
    return ccall(f, &call, false);
}

static uint32_t ctuple(FnState *f, const AstNode *n)
{
    Value v;
    if (literal_value(f, n, &v)) return cload(f, v);
    uint32_t *regs = cargs(f, n->kids, n->nkids);
    uint32_t d = reg_new(f);
    emit_op(f, OP_TUPLE, n);
    emit(f, d);
    emit_regs(f, regs, n->nkids);
    return d;
}

static uint32_t clist(FnState *f, const AstNode *n)
{
    Value v;
    if (literal_value(f, n, &v)) return cload(f, v);
    uint32_t *regs = cargs(f, n->kids, n->nkids);
    uint32_t acc = n->a ? cexpr(f, n->a) : cload(f, VAL_NIL);
    for (uint32_t i = n->nkids; i-- > 0;) {
        uint32_t d = reg_new(f);
        emit_op(f, OP_CONS, n);
        emit(f, d);
        emit(f, regs[i]);
        emit(f, acc);
        acc = d;
    }
    return acc;
}

uint32_t cblock_t(FnState *f, const AstNode *block, bool tail)
{
    if (block->kind != AST_BLOCK) return cexpr_t(f, block, tail);
    if (block->nkids == 0) {
        uint32_t r = cload(f, ATOM_NIL);
        if (!tail) return r;
        emit_op(f, OP_RET, block);
        emit(f, r);
        return NO_REG;
    }
    uint32_t mark = f->nextreg;
    for (uint32_t i = 0; i + 1 < block->nkids; i++) {
        if (!csend_stmt(f, block->kids[i])) cexpr(f, block->kids[i]);
        temps_release(f, mark);
    }
    return cexpr_t(f, block->kids[block->nkids - 1], tail);
}

/* Kinds that handle tail position themselves. */
static uint32_t ctail_aware(FnState *f, const AstNode *n, bool tail, bool *handled)
{
    *handled = true;
    switch (n->kind) {
    case AST_BLOCK: return cblock_t(f, n, tail);
    case AST_CALL: return ccall(f, n, tail);
    case AST_REMOTE: return cremote(f, n, tail);
    case AST_APPLY: return capply(f, n, tail);
    case AST_CASE: return ccase(f, n, tail);
    case AST_COND: return ccond(f, n, tail);
    case AST_IF: return cif(f, n, tail);
    case AST_RECEIVE: return creceive(f, n, tail);
    case AST_WITH: return cwith(f, n, tail);
    case AST_BINOP: return cbinop(f, n, tail);
    default: *handled = false; return NO_REG;
    }
}

static uint32_t cplain(FnState *f, const AstNode *n)
{
    Value v;
    switch (n->kind) {
    case AST_INT: case AST_FLOAT: case AST_ATOM: case AST_STRING: case AST_ALIAS:
        literal_value(f, n, &v);
        return cload(f, v);
    case AST_INTERP: return cinterp(f, n);
    case AST_VAR: return cvar(f, n);
    case AST_TUPLE: return ctuple(f, n);
    case AST_LIST: return clist(f, n);
    case AST_MAP: return cmap(f, n);
    case AST_STRUCT: return cstruct(f, n);
    case AST_UNOP: return cunop(f, n);
    case AST_DOT: return cdot(f, n);
    case AST_FN: return cfn(f, n);
    case AST_CAPTURE: return ccapture(f, n);
    case AST_FUNREF: return cfunref(f, n);
    case AST_MODULE: return cdefmodule(f, n);
    case AST_ATTR: return cattr(f, n);
    case AST_TRY: return ctry(f, n);
    case AST_FOR: return cfor(f, n);
    case AST_CAPTURE_ARG: {
        char name[24];
        snprintf(name, sizeof name, "&%lld", (long long)n->ival);
        uint32_t r = var_lookup(f, name);
        if (r != NO_REG) return r;
        cerror(f, n, "capture argument &%lld must be used within the capture operator &",
               (long long)n->ival);
    }
    case AST_DEF:
        cerror_exc(f, "Elixir.ArgumentError", "cannot invoke %s/2 outside module", n->ival ? "defp" : "def");
    case AST_CLAUSE: cerror(f, n, "unhandled operator ->");
    default: cerror(f, n, "unsupported expression (%s)", ast_kind_name(n->kind));
    }
}

uint32_t cexpr_t(FnState *f, const AstNode *n, bool tail)
{
    if (n->line) f->line = n->line;
    bool handled;
    uint32_t r = ctail_aware(f, n, tail, &handled);
    if (handled) return r;
    r = cplain(f, n);
    if (!tail) return r;
    emit_op(f, OP_RET, n);
    emit(f, r);
    return NO_REG;
}

uint32_t cexpr(FnState *f, const AstNode *n)
{
    return cexpr_t(f, n, false);
}

void ctail(FnState *f, const AstNode *n)
{
    cexpr_t(f, n, true);
}

void cinto(FnState *f, const AstNode *n, uint32_t dst, bool tail)
{
    uint32_t r = cexpr_t(f, n, tail);
    if (tail || r == dst) return;
    emit_op(f, OP_MOVE, NULL);
    emit(f, dst);
    emit(f, r);
}
