/* control.c: compiling case, cond, if/unless, receive and with. Each branch opens its own
 * scope (variables bound in a branch do not escape it, as in Elixir) and leaves its value in
 * one result register, or returns directly in tail position. */
#include <string.h>

#include "compile/cstate.h"

static void emit_jump(FnState *f, uint32_t label)
{
    emit_op(f, OP_JUMP, NULL);
    emit_label(f, label);
}

static void emit_error(FnState *f, const AstNode *at, Value kind, uint32_t reg)
{
    emit_op(f, OP_ERROR, at);
    emit(f, val_atom_index(kind));
    emit(f, reg);
}

static void emit_move(FnState *f, uint32_t dst, uint32_t src)
{
    emit_op(f, OP_MOVE, NULL);
    emit(f, dst);
    emit(f, src);
}

/* Moves `src` into `dst`, or returns it when `tail`. */
static void deliver(FnState *f, uint32_t dst, uint32_t src, bool tail)
{
    if (tail) {
        emit_op(f, OP_RET, NULL);
        emit(f, src);
    } else if (dst != src) {
        emit_move(f, dst, src);
    }
}

/* Whether a variable of the innermost scope or the pending pattern is bound to register r. */
static bool reg_bound(const FnState *f, uint32_t r)
{
    for (uint32_t i = 0; i < f->scope->nvars; i++)
        if (f->scope->vars[i].reg == r) return true;
    for (uint32_t i = 0; i < f->npending; i++)
        if (f->pending[i].reg == r) return true;
    return false;
}

uint32_t cclauses_on(FnState *f, AstNode *const *clauses, uint32_t n, uint32_t subj, uint32_t dst,
                     bool tail, uint32_t recv_loop)
{
    uint32_t end = label_new(f);
    for (uint32_t i = 0; i < n; i++) {
        const AstNode *c = clauses[i];
        uint32_t next = label_new(f);
        scope_push(f);
        f->line = c->line;
        chead(f, c->kids, c->nkids < 1 ? 0 : 1, &subj, c->a, next);
        if (recv_loop != NO_REG) {
            emit_op(f, OP_RECVTAKE, c);
            emit_label(f, recv_loop);
            emit(f, subj);
            emit(f, reg_bound(f, subj));
            /* Only registers from `subj` (the receive's, allocated before any clause head) up
             * to every one allocated so far can hold what the heads took from the message. */
            emit(f, f->maxreg);
        }
        cinto(f, c->b, dst, tail);
        scope_pop(f);
        if (!tail) emit_jump(f, end);
        label_bind(f, next);
    }
    return end;
}

uint32_t ccase(FnState *f, const AstNode *n, bool tail)
{
    uint32_t subj = cexpr(f, n->a);
    uint32_t dst = tail ? NO_REG : reg_new(f);
    uint32_t end = cclauses_on(f, n->kids, n->nkids, subj, dst, tail, NO_REG);
    emit_error(f, n, ATOM_ELIXIR_CASE_CLAUSE_ERROR, subj);
    label_bind(f, end);
    return dst;
}

uint32_t ccond(FnState *f, const AstNode *n, bool tail)
{
    uint32_t dst = tail ? NO_REG : reg_new(f);
    uint32_t end = label_new(f);
    for (uint32_t i = 0; i < n->nkids; i++) {
        const AstNode *c = n->kids[i];
        uint32_t next = label_new(f);
        scope_push(f);
        const AstNode *test = c->kids[0];
        bool always = test->kind == AST_ATOM && strcmp(test->name, "true") == 0;
        if (!always) {
            uint32_t r = cexpr(f, test);
            emit_op(f, OP_JFALSY, test);
            emit(f, r);
            emit_label(f, next);
        }
        cinto(f, c->b, dst, tail);
        scope_pop(f);
        if (!tail) emit_jump(f, end);
        label_bind(f, next);
    }
    emit_error(f, n, ATOM_ELIXIR_COND_CLAUSE_ERROR, 0);
    label_bind(f, end);
    return dst;
}

uint32_t cif(FnState *f, const AstNode *n, bool tail)
{
    uint32_t test = cexpr(f, n->a);
    uint32_t dst = tail ? NO_REG : reg_new(f);
    uint32_t other = label_new(f), end = label_new(f);
    emit_op(f, OP_JFALSY, n);
    emit(f, test);
    emit_label(f, other);
    scope_push(f);
    cinto(f, n->b, dst, tail);
    scope_pop(f);
    if (!tail) emit_jump(f, end);
    label_bind(f, other);
    scope_push(f);
    if (n->c) cinto(f, n->c, dst, tail);
    else deliver(f, dst, cload(f, ATOM_NIL), tail);
    scope_pop(f);
    label_bind(f, end);
    return dst;
}

uint32_t creceive(FnState *f, const AstNode *n, bool tail)
{
    uint32_t timeout = n->a ? cexpr(f, n->a) : NO_REG;
    uint32_t dst = tail ? NO_REG : reg_new(f);
    uint32_t loop = label_new(f), none = label_new(f);
    uint32_t msg = reg_new(f);
    label_bind(f, loop);
    emit_op(f, OP_RECVNEXT, n);
    emit_label(f, none);
    emit(f, msg);
    uint32_t copy_at = f->nins;
    emit(f, 0);
    bool builds = f->guard_builds;
    f->guard_builds = false;
    uint32_t end = cclauses_on(f, n->kids, n->nkids, msg, dst, tail, loop);
    f->ins[copy_at] = f->guard_builds;
    f->guard_builds = builds || f->guard_builds;
    emit_op(f, OP_RECVSKIP, NULL);
    emit_label(f, loop);
    emit(f, msg);
    label_bind(f, none);
    if (timeout == NO_REG) {
        emit_op(f, OP_RECVWAIT, NULL);
        emit_label(f, loop);
    } else {
        uint32_t after = label_new(f);
        emit_op(f, OP_RECVAFTER, NULL);
        emit_label(f, loop);
        emit(f, timeout);
        emit_label(f, after);
        label_bind(f, after);
        scope_push(f);
        cinto(f, n->b, dst, tail);
        scope_pop(f);
    }
    label_bind(f, end);
    return dst;
}

/* The `pat <- expr` and plain steps of a with; a mismatch leaves the value in `wv` and jumps
 * to `fail`. */
static void with_steps(FnState *f, const AstNode *n, uint32_t wv, uint32_t fail)
{
    for (uint32_t i = 0; i < n->nkids; i++) {
        const AstNode *k = n->kids[i];
        if (k->kind != AST_GENERATOR) {
            cexpr(f, k);
            continue;
        }
        uint32_t r = cexpr(f, k->b);
        emit_move(f, wv, r);
        pending_clear(f);
        cpattern(f, k->a, r, fail);
        pending_commit(f);
        if (k->c) cguard(f, k->c, fail);
    }
}

uint32_t cwith(FnState *f, const AstNode *n, bool tail)
{
    uint32_t dst = tail ? NO_REG : reg_new(f);
    uint32_t wv = reg_new(f);
    uint32_t fail = label_new(f), end = label_new(f);
    scope_push(f);
    with_steps(f, n, wv, fail);
    cinto(f, n->b, dst, tail);
    scope_pop(f);
    if (!tail) emit_jump(f, end);
    label_bind(f, fail);
    if (!n->c) {
        deliver(f, dst, wv, tail);
    } else {
        uint32_t eend = cclauses_on(f, n->c->kids, n->c->nkids, wv, dst, tail, NO_REG);
        emit_error(f, n, ATOM_ELIXIR_WITH_CLAUSE_ERROR, wv);
        label_bind(f, eend);
    }
    label_bind(f, end);
    return dst;
}
