/* for.c: compiling comprehensions as loops in the function's own code (no closures, no
 * recursion): each generator iterates with ITER/NEXT (lists, ranges and maps; NEXT costs a
 * reduction), elements that do not match the generator's pattern or guard are skipped, filters
 * skip on a falsy value. Results are consed onto an accumulator and finished by
 * Kernel.__for_result__ (reverse, uniq:, into:); with reduce: the accumulator is the value. */
#include <string.h>

#include "compile/cstate.h"

typedef struct Level {
    uint32_t next, done; /* labels: fetch the next element / the generator is exhausted */
} Level;

static void generator(FnState *f, const AstNode *g, Level *lv)
{
    uint32_t e = cexpr(f, g->b);
    uint32_t s = regs_new(f, 3);
    emit_op(f, OP_ITER, g);
    emit(f, s);
    emit(f, e);
    lv->next = label_new(f);
    lv->done = label_new(f);
    label_bind(f, lv->next);
    uint32_t x = reg_new(f);
    emit_op(f, OP_NEXT, g);
    emit_label(f, lv->done);
    emit(f, x);
    emit(f, s);
    scope_push(f);
    pending_clear(f);
    cpattern(f, g->a, x, lv->next);
    pending_commit(f);
    if (g->c) cguard(f, g->c, lv->next);
}

static void body(FnState *f, const AstNode *n, uint32_t acc)
{
    uint32_t mark = f->nextreg;
    if (n->c) {
        uint32_t nacc = reg_new(f);
        uint32_t end = cclauses_on(f, n->b->kids, n->b->nkids, acc, nacc, false, NO_REG);
        emit_op(f, OP_ERROR, n);
        emit(f, val_atom_index(ATOM_ELIXIR_CASE_CLAUSE_ERROR));
        emit(f, acc);
        label_bind(f, end);
        emit_op(f, OP_MOVE, NULL);
        emit(f, acc);
        emit(f, nacc);
    } else {
        scope_push(f);
        uint32_t v = cexpr(f, n->b);
        scope_pop(f);
        emit_op(f, OP_CONS, NULL);
        emit(f, acc);
        emit(f, v);
        emit(f, acc);
    }
    temps_release(f, mark);
}

uint32_t cfor(FnState *f, const AstNode *n)
{
    uint32_t into = n->a ? cexpr(f, n->a) : cload(f, ATOM_NIL);
    uint32_t acc = reg_new(f);
    if (n->c) cinto(f, n->c, acc, false);
    else {
        emit_op(f, OP_LOADK, n);
        emit(f, acc);
        emit(f, const_index(f, VAL_NIL));
    }
    Level *levels = pool_alloc(f->mod->pool, (n->nkids + 1) * sizeof *levels);
    uint32_t nlev = 0, end = label_new(f);
    scope_push(f);
    for (uint32_t i = 0; i < n->nkids; i++) {
        const AstNode *k = n->kids[i];
        if (k->kind == AST_GENERATOR) {
            generator(f, k, &levels[nlev++]);
            continue;
        }
        uint32_t r = cexpr(f, k);
        emit_op(f, OP_JFALSY, k);
        emit(f, r);
        emit_label(f, nlev ? levels[nlev - 1].next : end);
    }
    body(f, n, acc);
    for (uint32_t i = nlev; i-- > 0;) {
        emit_op(f, OP_JUMP, NULL);
        emit_label(f, levels[i].next);
        label_bind(f, levels[i].done);
        scope_pop(f);
    }
    scope_pop(f);
    label_bind(f, end);
    if (n->c) return acc;
    uint32_t args[3] = {acc, into, cload(f, val_bool(n->ival != 0))};
    return emit_callx(f, n, atom_of("Elixir.Kernel"), atom_of("__for_result__"), args, 3, false);
}
