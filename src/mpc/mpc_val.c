/* mpc_val.c: the values a parse builds before they become an AST: the per-parse arena, the
 * fold and reference rules of mpc-api.md §1.6 applied to immutable Vals, name chains (tag
 * prefixes, interned per parse) and the caller-owned values (V_EXT, V_ANY) met on the way.
 * A Val is never changed once another Val or the memo table may point at it (`shared`), so a
 * memoised result can be reused anywhere; references copy a shared Val before tagging it. */
#include "mpc_int.h"

/* ---------------------------------------------------------------- arena */

void *mpc_ir_alloc(Arena *a, size_t n)
{
    n = (n + 7) & ~(size_t)7;
    ABlock *b = a->top;
    if (!b || b->used + n > b->size) {
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
        b->used = 0;
        a->top = b;
    }
    void *p = (char *)(b + 1) + b->used;
    b->used += n;
    return p;
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

void vs_push(St *st, Val *v)
{
    if (st->vn == st->vcap) {
        st->vcap = st->vcap ? st->vcap * 2 : 64;
        st->vs = xrealloc(st->vs, sizeof *st->vs * st->vcap);
    }
    st->vs[st->vn++] = v;
}

/* Bytes a Val of this kind with n inputs occupies (it is followed by its pointers). */
static size_t val_size(int kind, uint32_t n)
{
    switch (kind) {
    case V_NODE: return sizeof(Val) + sizeof(Val *) * n;
    case V_WRAP: case V_EXT: case V_ANY: return sizeof(Val) + sizeof(void *);
    default: return sizeof(Val);
    }
}

static Val *val_new(St *st, int kind, uint32_t n)
{
    Val *v = mpc_ir_alloc(&st->ir, val_size(kind, n));
    memset(v, 0, sizeof *v);
    v->kind = (uint8_t)kind;
    return v;
}

Val *val_leaf(St *st, int kind, int base, uint32_t start, uint32_t len)
{
    Val *v = val_new(st, kind, 0);
    v->base = (uint8_t)base;
    v->pos = v->a = start;
    v->b = len;
    return v;
}

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

/* State position of the first AST node that u contributes to a fold. */
static uint32_t first_pos(const Val *u) { return u->nkids == 0 ? u->pos : u->b; }

Val *val_fold(St *st, uint32_t k, uint32_t vbase)
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

Val *val_ref(St *st, Val *v, const char *name, uint32_t pos)
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

Val *val_to_ir(St *st, Val *v)
{
    (void)st;
    if (!v) return NULL;
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

static uint32_t chain_hash(const char *name, uint32_t rest)
{
    uint64_t h = (uint64_t)(uintptr_t)name * 0x9E3779B97F4A7C15ull ^ (uint64_t)rest * 0xC2B2AE3D27D4EB4Full;
    return (uint32_t)(h >> 29);
}

static void chain_rehash(St *st)
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

/* The id of chain name|rest (rule names outermost first); id 0 is the empty chain. */
uint32_t chain_cons(St *st, const char *name, uint32_t rest)
{
    if (st->chn * 2 >= st->chhcap) chain_rehash(st);
    uint32_t i = chain_hash(name, rest) & (st->chhcap - 1);
    for (; st->chh[i]; i = (i + 1) & (st->chhcap - 1)) {
        Chain *c = &st->ch[st->chh[i]];
        if (c->name == name && c->rest == rest) return st->chh[i];
    }
    if (st->chn == st->chcap) {
        st->chcap *= 2;
        st->ch = xrealloc(st->ch, sizeof *st->ch * st->chcap);
    }
    st->ch[st->chn] = (Chain){name, rest};
    st->chh[i] = st->chn;
    return st->chn++;
}
