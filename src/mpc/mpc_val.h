/* mpc_val.h: the hot half of mpc_val.c, inlined into the engine: bump allocation, the value
 * stack, folding, reference tagging and name-chain interning run several times per input byte,
 * and calls across files cost 10-20% of parse time. The slow paths stay in mpc_val.c.
 * Internal to src/mpc, like mpc_int.h. */
#ifndef MPC_VAL_H
#define MPC_VAL_H

#include "mpc_int.h"

void *arena_grow(Arena *a, size_t n); /* arena_alloc when the top block is full */
void vs_grow(St *st);
void chain_rehash(St *st);
uint32_t chain_add(St *st, const char *name, uint32_t rest, uint32_t slot);
Val *val_adopt(St *st, Val *v);       /* val_to_ir of a caller's value */

static inline void *mpc_ir_alloc(Arena *a, size_t n)
{
    n = (n + 7) & ~(size_t)7;
    ABlock *b = a->top;
    if (!b || b->used + n > b->size) return arena_grow(a, n);
    void *p = (char *)(b + 1) + b->used;
    b->used += n;
    return p;
}

static inline void vs_push(St *st, Val *v)
{
    if (st->vn == st->vcap) vs_grow(st);
    st->vs[st->vn++] = v;
}

/* Bytes a Val of this kind with n inputs occupies (it is followed by its pointers). */
static inline size_t val_size(int kind, uint32_t n)
{
    switch (kind) {
    case V_NODE: return sizeof(Val) + sizeof(Val *) * n;
    case V_WRAP: case V_EXT: case V_ANY: return sizeof(Val) + sizeof(void *);
    default: return sizeof(Val);
    }
}

static inline Val *val_new(St *st, int kind, uint32_t n)
{
    Val *v = mpc_ir_alloc(&st->ir, val_size(kind, n));
    memset(v, 0, sizeof *v);
    v->kind = (uint8_t)kind;
    return v;
}

static inline Val *val_leaf(St *st, int kind, int base, uint32_t start, uint32_t len)
{
    Val *v = val_new(st, kind, 0);
    v->base = (uint8_t)base;
    v->pos = v->a = start;
    v->b = len;
    return v;
}

/* State position of the first AST node that u contributes to a fold. */
static inline uint32_t first_pos(const Val *u) { return u->nkids == 0 ? u->pos : u->b; }

/* Folds the values pushed since vbase, k results in all (§1.6 b): nothing, the one result,
 * or a '>' node over them. Pops them. */
static inline Val *val_fold(St *st, uint32_t k, uint32_t vbase)
{
    uint32_t nn = st->vn - vbase;
    if (k == 0 || (k <= 2 && nn <= 1)) {
        Val *r = nn ? st->vs[vbase] : NULL;
        st->vn = vbase;
        return r;
    }
    Val *v = val_new(st, V_NODE, nn);
    v->base = B_NODE;
    v->a = nn;
    if (nn) {
        memcpy(val_in(v), st->vs + vbase, sizeof(Val *) * nn);
        v->b = v->pos = first_pos(val_in(v)[0]);
    }
    for (uint32_t i = 0; i < nn; i++) {
        uint32_t c = val_in(v)[i]->nkids;
        v->nkids += c <= 1 ? 1 : c;
    }
    st->vn = vbase;
    return v;
}

static inline uint32_t chain_hash(const char *name, uint32_t rest)
{
    uint64_t h = (uint64_t)(uintptr_t)name * 0x9E3779B97F4A7C15ull ^ (uint64_t)rest * 0xC2B2AE3D27D4EB4Full;
    return (uint32_t)(h >> 29);
}

/* The id of chain name|rest (rule names outermost first); id 0 is the empty chain. */
static inline uint32_t chain_cons(St *st, const char *name, uint32_t rest)
{
    if (st->chn * 2 >= st->chhcap) chain_rehash(st);
    uint32_t i = chain_hash(name, rest) & (st->chhcap - 1);
    for (; st->chh[i]; i = (i + 1) & (st->chhcap - 1)) {
        const Chain *c = &st->ch[st->chh[i]];
        if (c->name == name && c->rest == rest) return st->chh[i];
    }
    return chain_add(st, name, rest, i);
}

/* A reference's result (§1.6 c): v tagged with name, at pos; wrapped if it has two or more
 * children. A shared v is copied first. */
static inline Val *val_ref(St *st, Val *v, const char *name, uint32_t pos)
{
    if (!v) return NULL;
    if (v->shared) {
        size_t n = val_size(v->kind, v->a);
        Val *c = mpc_ir_alloc(&st->ir, n);
        memcpy(c, v, n);
        c->shared = 0;
        v = c;
    }
    if (name) v->tag = chain_cons(st, name, v->tag);
    if (v->nkids < 2) {
        v->pos = pos;
        v->flags |= VF_POSSET;
        return v;
    }
    Val *w = val_new(st, V_WRAP, 0);
    w->base = B_NODE;
    w->nkids = 1;
    val_in(w)[0] = v;
    w->b = v->pos;
    w->pos = pos;
    return w;
}

/* v as a grammar value: text from mpc_re becomes a regex leaf, a caller's value an AST. */
static inline Val *val_to_ir(St *st, Val *v)
{
    return v && (v->kind == V_STR || v->kind == V_ANY) ? val_adopt(st, v) : v;
}

#endif
