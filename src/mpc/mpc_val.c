/* mpc_val.c: the values a parse builds before they become an AST: the per-parse arena, the
 * fold and reference rules of mpc-api.md §1.6 applied to immutable Vals, name chains (tag
 * prefixes, interned per parse) and the caller-owned values (V_EXT, V_ANY) met on the way.
 * A Val is never changed once another Val or the memo table may point at it (`shared`), so a
 * memoised result can be reused anywhere; references copy a shared Val before tagging it. */
#include "mpc_val.h"

/* ---------------------------------------------------------------- arena */

/* Starts a new block (twice the last, up to 4 MB) and carves n bytes (a multiple of 8). */
void *arena_grow(Arena *a, size_t n)
{
    ABlock *b = a->top;
    size_t size = b ? (b->size + sizeof *b) * 2 - sizeof *b : 4096 - sizeof *b;
    if (size > ((size_t)4 << 20) - sizeof *b) size = ((size_t)4 << 20) - sizeof *b;
    if (size < n) size = n;
    if (a->spare && a->spare->size >= size) {
        b = a->spare;
        a->spare = NULL;
    } else {
        b = big_alloc(sizeof *b + size);
        b->size = size;
    }
    b->prev = a->top;
    b->used = n;
    a->top = b;
    return b + 1;
}

AMark mpc_ir_mark(Arena *a) { return (AMark){a->top, a->top ? a->top->used : 0}; }

void mpc_ir_release(Arena *a, AMark m)
{
    while (a->top != m.blk) {
        ABlock *b = a->top;
        a->top = b->prev;
        if (!a->spare || a->spare->size < b->size) {
            if (a->spare) big_free(a->spare, sizeof *a->spare + a->spare->size);
            a->spare = b;
        } else {
            big_free(b, sizeof *b + b->size);
        }
    }
    if (a->top) a->top->used = m.used;
}

void mpc_ir_free(Arena *a)
{
    mpc_ir_release(a, (AMark){NULL, 0});
    if (a->spare) big_free(a->spare, sizeof *a->spare + a->spare->size);
    a->spare = NULL;
}

/* ---------------------------------------------------------------- values */

void vs_grow(St *st)
{
    st->vcap = st->vcap ? st->vcap * 2 : 64;
    st->vs = xrealloc(st->vs, sizeof *st->vs * st->vcap);
}

/* Bytes a Val of this kind with n inputs occupies (it is followed by its pointers). */



static void ext_register(St *st, Val *v)
{
    if (st->extn == st->extcap) {
        st->extcap = st->extcap ? st->extcap * 2 : 8;
        st->ext = xrealloc(st->ext, sizeof *st->ext * st->extcap);
    }
    st->ext[st->extn++] = v;
}

Val *val_any(St *st, void *p)
{
    if (!p) return NULL;
    Val *v = val_new(st, V_ANY, 0);
    *val_ptr(v) = p;
    ext_register(st, v);
    return v;
}

/* Frees the caller-owned ASTs registered since index `from` that no output took. */
void val_free_ext(St *st, uint32_t from)
{
    for (uint32_t i = from; i < st->extn; i++) {
        Val *v = st->ext[i];
        if (v->kind == V_EXT && !(v->flags & VF_USED)) mpc_ast_delete(*val_ptr(v));
    }
    st->extn = from;
}




Val *val_adopt(St *st, Val *v)
{
    (void)st;
    if (v->kind == V_STR) {
        v->kind = V_LEAF;
        v->base = B_REGEX;
    } else if (v->kind == V_ANY) {
        /* a caller's parser inside a grammar must output an mpc_ast_t* (or NULL) */
        mpc_ast_t *a = *val_ptr(v);
        v->kind = V_EXT;
        v->pos = (uint32_t)a->state.pos;
        v->nkids = a->children_num > 0 ? (uint32_t)a->children_num : 0;
        if (v->nkids) v->b = (uint32_t)a->children[0]->state.pos;
    }
    return v;
}

void *val_to_generic(St *st, Val *v)
{
    if (!v) return NULL;
    switch (v->kind) {
    case V_STR: return xstrndup((const char *)st->in + v->a, v->b);
    case V_ANY: v->flags |= VF_USED; return *val_ptr(v);
    default: return mat_tree(st, v, 1);
    }
}

/* ---------------------------------------------------------------- name chains */


void chain_rehash(St *st)
{
    free(st->chh);
    st->chhcap = st->chhcap ? st->chhcap * 2 : 64;
    st->chh = xmalloc(sizeof *st->chh * st->chhcap);
    memset(st->chh, 0, sizeof *st->chh * st->chhcap);
    for (uint32_t id = 1; id < st->chn; id++) {
        uint32_t i = chain_hash(st->ch[id].name, st->ch[id].rest) & (st->chhcap - 1);
        while (st->chh[i]) i = (i + 1) & (st->chhcap - 1);
        st->chh[i] = id;
    }
}


uint32_t chain_add(St *st, const char *name, uint32_t rest, uint32_t slot)
{
    if (st->chn == st->chcap) {
        st->chcap *= 2;
        st->ch = xrealloc(st->ch, sizeof *st->ch * st->chcap);
    }
    st->ch[st->chn] = (Chain){name, rest};
    st->chh[slot] = st->chn;
    return st->chn++;
}
