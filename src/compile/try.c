/* try.c: compiling try/rescue/catch/else/after. The body runs under a handler (TRY ..
 * ENDTRY); a raise unwinds to it with the exception's kind and value in two registers, where
 * the rescue and catch clauses are tried in order and anything unmatched is raised again.
 * `after` wraps all of that in a second handler, so the after block runs on every exit.
 * Bodies here are never in tail position: the handler must stay installed. */
#include <string.h>

#include "compile/cstate.h"

static void emit_try(FnState *f, const AstNode *at, uint32_t handler, uint32_t k, uint32_t v)
{
    emit_op(f, OP_TRY, at);
    emit_label(f, handler);
    emit(f, k);
    emit(f, v);
}

static void emit_reraise(FnState *f, uint32_t k, uint32_t v)
{
    emit_op(f, OP_RERAISE, NULL);
    emit(f, k);
    emit(f, v);
}

static void test_const(FnState *f, uint32_t reg, Value c, uint32_t fail)
{
    emit_op(f, OP_TEQK, NULL);
    emit_label(f, fail);
    emit(f, reg);
    emit(f, const_index(f, c));
}

/* The exception in `v` is a struct of one of the modules listed by `mods` (an ALIAS or a LIST
 * of ALIASes). */
static void rescue_modules(FnState *f, const AstNode *mods, uint32_t v, uint32_t fail)
{
    AstNode *const *items = mods->kind == AST_LIST ? mods->kids : (AstNode *const *)&mods;
    uint32_t n = mods->kind == AST_LIST ? mods->nkids : 1;
    emit_op(f, OP_TMAP, mods);
    emit_label(f, fail);
    emit(f, v);
    uint32_t s = reg_new(f), key = cload(f, ATOM_STRUCT), ok = label_new(f);
    emit_op(f, OP_MAPFETCH, NULL);
    emit_label(f, fail);
    emit(f, s);
    emit(f, v);
    emit(f, key);
    for (uint32_t i = 0; i < n; i++) {
        Value m = module_atom(f->mod, items[i]);
        if (m == THE_NON_VALUE) cerror(f, items[i], "invalid rescue clause");
        if (i + 1 == n) {
            test_const(f, s, m, fail);
            break;
        }
        uint32_t next = label_new(f);
        test_const(f, s, m, next);
        emit_op(f, OP_JUMP, NULL);
        emit_label(f, ok);
        label_bind(f, next);
    }
    label_bind(f, ok);
}

static void rescue_head(FnState *f, const AstNode *pat, uint32_t k, uint32_t v, uint32_t fail)
{
    test_const(f, k, ATOM_ERROR, fail);
    if (pat->kind == AST_VAR) {
        if (strcmp(pat->name, "_") != 0) var_bind(f, pat->name, v);
    } else if (pat->kind == AST_BINOP && strcmp(pat->name, "in") == 0 && pat->a->kind == AST_VAR) {
        rescue_modules(f, pat->b, v, fail);
        if (strcmp(pat->a->name, "_") != 0) var_bind(f, pat->a->name, v);
    } else {
        rescue_modules(f, pat, v, fail);
    }
}

static void catch_head(FnState *f, const AstNode *c, uint32_t k, uint32_t v, uint32_t fail)
{
    uint32_t subjs[2] = {k, v};
    if (c->nkids == 1) {
        test_const(f, k, ATOM_THROW, fail);
        chead(f, c->kids, 1, &v, c->a, fail);
    } else {
        chead(f, c->kids, 2, subjs, c->a, fail);
    }
}

/* The handler: rescue then catch clauses on (k, v), each into `dst`, then `done`. Rescue sees
 * the exception struct, catch the raw Erlang reason of an :error (Kernel.__catch_reason__/2). */
static void handler_clauses(FnState *f, const AstNode *n, uint32_t k, uint32_t v, uint32_t dst,
                            uint32_t done)
{
    f->in_handler++;
    for (int pass = 0; pass < 2; pass++) {
        const AstNode *blk = pass == 0 ? n->b : n->c;
        uint32_t cv = v;
        if (pass == 1 && blk && blk->nkids) {
            uint32_t args[2] = {k, v};
            cv = emit_callx(f, n, atom_of("Elixir.Kernel"), atom_of("__catch_reason__"), args, 2, false);
        }
        for (uint32_t i = 0; blk && i < blk->nkids; i++) {
            const AstNode *c = blk->kids[i];
            uint32_t next = label_new(f);
            scope_push(f);
            if (pass == 0) rescue_head(f, c->kids[0], k, v, next);
            else catch_head(f, c, k, cv, next);
            cinto(f, c->b, dst, false);
            scope_pop(f);
            emit_op(f, OP_JUMP, NULL);
            emit_label(f, done);
            label_bind(f, next);
        }
    }
    f->in_handler--;
    emit_reraise(f, k, v);
}

/* try without after. */
static void try_core(FnState *f, const AstNode *n, uint32_t dst)
{
    uint32_t k = reg_new(f), v = reg_new(f), bv = reg_new(f);
    uint32_t handler = label_new(f), done = label_new(f);
    emit_try(f, n, handler, k, v);
    scope_push(f);
    cinto(f, n->a, n->nkids ? bv : dst, false);
    scope_pop(f);
    emit_op(f, OP_ENDTRY, NULL);
    if (n->nkids) {
        uint32_t end = cclauses_on(f, n->kids, n->nkids, bv, dst, false, NO_REG);
        emit_op(f, OP_ERROR, n);
        emit(f, val_atom_index(ATOM_ELIXIR_TRY_CLAUSE_ERROR));
        emit(f, bv);
        label_bind(f, end);
    }
    emit_op(f, OP_JUMP, NULL);
    emit_label(f, done);
    label_bind(f, handler);
    handler_clauses(f, n, k, v, dst, done);
    label_bind(f, done);
}

uint32_t ctry(FnState *f, const AstNode *n)
{
    uint32_t dst = reg_new(f);
    if (!n->d) {
        try_core(f, n, dst);
        return dst;
    }
    uint32_t ka = reg_new(f), va = reg_new(f);
    uint32_t on_exc = label_new(f), end = label_new(f);
    emit_try(f, n, on_exc, ka, va);
    try_core(f, n, dst);
    emit_op(f, OP_ENDTRY, NULL);
    uint32_t mark = f->nextreg;
    scope_push(f);
    cexpr(f, n->d);
    scope_pop(f);
    temps_release(f, mark);
    emit_op(f, OP_JUMP, NULL);
    emit_label(f, end);
    label_bind(f, on_exc);
    scope_push(f);
    cexpr(f, n->d);
    scope_pop(f);
    emit_reraise(f, ka, va);
    label_bind(f, end);
    return dst;
}
