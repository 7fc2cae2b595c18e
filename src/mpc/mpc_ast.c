/* mpc_ast.c: the public mpc_ast_t functions and the block an AST from mpc_parse lives in.
 * Every node is preceded by a hidden header naming its block (NULL for nodes made by
 * mpc_ast_new). A block holds nodes, children arrays and contents; its tag strings sit in
 * small side blocks and may be shared by several nodes. A field pointing outside the node's
 * block is the caller's heap memory and is freed; the block itself is freed when its last node
 * is deleted. Deleting, printing, comparing and copying use explicit stacks, never recursion,
 * so any depth is fine. */
#include "mpc_int.h"

typedef struct TagBlk {
    struct TagBlk *next;
    size_t size, used;
} TagBlk;

struct AstBlock {
    size_t live;  /* nodes of this block not deleted yet */
    char *lo, *hi;
    TagBlk *tags;
};

typedef struct Hdr {
    AstBlock *blk;
} Hdr;

#define HDR(a) ((Hdr *)(void *)(a) - 1)

/* ---------------------------------------------------------------- blocks */

AstBlock *ast_block_new(size_t bytes)
{
    AstBlock *b = xmalloc(sizeof *b);
    b->lo = big_alloc(bytes);
    b->hi = b->lo + bytes;
    b->live = 0;
    b->tags = NULL;
    return b;
}

char *ast_block_lo(AstBlock *b) { return b->lo; }

mpc_ast_t *ast_block_node(AstBlock *b, char **cursor)
{
    Hdr *h = (Hdr *)(void *)*cursor;
    *cursor += sizeof(Hdr) + sizeof(mpc_ast_t);
    h->blk = b;
    b->live++;
    return (mpc_ast_t *)(void *)(h + 1);
}

char *ast_block_tag(AstBlock *b, size_t n)
{
    TagBlk *t = b->tags;
    if (!t || t->used + n > t->size) {
        size_t size = n > 4000 ? n : 4000;
        t = xmalloc(sizeof *t + size);
        t->size = size;
        t->used = 0;
        t->next = b->tags;
        b->tags = t;
    }
    char *p = (char *)(t + 1) + t->used;
    t->used += n;
    return p;
}

static int in_block(const AstBlock *b, const void *p)
{
    const char *c = p;
    if (c >= b->lo && c < b->hi) return 1;
    for (const TagBlk *t = b->tags; t; t = t->next)
        if (c >= (const char *)(t + 1) && c < (const char *)(t + 1) + t->size) return 1;
    return 0;
}

void ast_block_free(AstBlock *b)
{
    while (b->tags) {
        TagBlk *n = b->tags->next;
        free(b->tags);
        b->tags = n;
    }
    big_free(b->lo, (size_t)(b->hi - b->lo));
    free(b);
}

/* Frees field p of node a unless it lives in a's block. */
static void free_field(mpc_ast_t *a, void *p)
{
    AstBlock *b = HDR(a)->blk;
    if (p && !(b && in_block(b, p))) free(p);
}

/* Frees the node itself and its own fields, not its children. */
void ast_free_shell(mpc_ast_t *a)
{
    AstBlock *b = HDR(a)->blk;
    free_field(a, a->tag);
    free_field(a, a->contents);
    free_field(a, a->children);
    if (!b) free(HDR(a));
    else if (--b->live == 0) ast_block_free(b);
}

/* ---------------------------------------------------------------- node stacks */

typedef struct NStack {
    mpc_ast_t **p;
    size_t n, cap;
} NStack;

static void ns_push(NStack *s, mpc_ast_t *a)
{
    if (s->n == s->cap) {
        s->cap = s->cap ? s->cap * 2 : 64;
        s->p = xrealloc(s->p, sizeof *s->p * s->cap);
    }
    s->p[s->n++] = a;
}

/* ---------------------------------------------------------------- construction */

mpc_ast_t *mpc_ast_new(const char *tag, const char *contents)
{
    Hdr *h = xmalloc(sizeof *h + sizeof(mpc_ast_t));
    h->blk = NULL;
    mpc_ast_t *a = (mpc_ast_t *)(void *)(h + 1);
    memset(a, 0, sizeof *a);
    a->tag = xstrdup(tag ? tag : "");
    a->contents = xstrdup(contents ? contents : "");
    return a;
}

mpc_ast_t *mpc_ast_build(int n, const char *tag, ...)
{
    mpc_ast_t *a = mpc_ast_new(tag, "");
    va_list va;
    va_start(va, tag);
    for (int i = 0; i < n; i++) mpc_ast_add_child(a, va_arg(va, mpc_ast_t *));
    va_end(va);
    return a;
}

mpc_ast_t *mpc_ast_add_child(mpc_ast_t *r, mpc_ast_t *a)
{
    if (!r) return r;
    AstBlock *b = HDR(r)->blk;
    size_t n = (size_t)r->children_num + 1;
    if (r->children && b && in_block(b, r->children)) {
        mpc_ast_t **c = xmalloc(sizeof *c * n);
        memcpy(c, r->children, sizeof *c * (n - 1));
        r->children = c;
    } else {
        r->children = xrealloc(r->children, sizeof *r->children * n);
    }
    r->children[n - 1] = a;
    r->children_num = (int)n;
    return r;
}

mpc_ast_t *mpc_ast_tag(mpc_ast_t *a, const char *t)
{
    if (!a) return a;
    char *s = xstrdup(t ? t : "");
    free_field(a, a->tag);
    a->tag = s;
    return a;
}

mpc_ast_t *mpc_ast_add_tag(mpc_ast_t *a, const char *t)
{
    if (!a || !t) return a;
    size_t n = strlen(t) + strlen(a->tag) + 2;
    char *s = xmalloc(n);
    snprintf(s, n, "%s|%s", t, a->tag);
    free_field(a, a->tag);
    a->tag = s;
    return a;
}

void mpc_ast_delete(mpc_ast_t *a)
{
    if (!a) return;
    NStack s = {0};
    ns_push(&s, a);
    while (s.n) {
        mpc_ast_t *n = s.p[--s.n];
        for (int i = 0; i < n->children_num; i++)
            if (n->children[i]) ns_push(&s, n->children[i]);
        ast_free_shell(n);
    }
    free(s.p);
}

/* A heap copy of the whole tree a (states included). */
mpc_ast_t *ast_copy(mpc_ast_t *a)
{
    if (!a) return NULL;
    NStack from = {0}, to = {0};
    mpc_ast_t *root = mpc_ast_new(a->tag, a->contents);
    ns_push(&from, a);
    ns_push(&to, root);
    while (from.n) {
        mpc_ast_t *f = from.p[--from.n], *t = to.p[--to.n];
        t->state = f->state;
        if (f->children_num <= 0) continue;
        t->children = xmalloc(sizeof *t->children * (size_t)f->children_num);
        t->children_num = f->children_num;
        for (int i = 0; i < f->children_num; i++) {
            mpc_ast_t *c = f->children[i];
            t->children[i] = c ? mpc_ast_new(c->tag, c->contents) : NULL;
            if (c) {
                ns_push(&from, c);
                ns_push(&to, t->children[i]);
            }
        }
    }
    free(from.p);
    free(to.p);
    return root;
}

/* ---------------------------------------------------------------- queries */

int mpc_ast_get_index_lb(mpc_ast_t *ast, const char *tag, int lb)
{
    if (!ast || !tag) return -1;
    for (int i = lb < 0 ? 0 : lb; i < ast->children_num; i++)
        if (ast->children[i] && strcmp(ast->children[i]->tag, tag) == 0) return i;
    return -1;
}

int mpc_ast_get_index(mpc_ast_t *ast, const char *tag) { return mpc_ast_get_index_lb(ast, tag, 0); }

mpc_ast_t *mpc_ast_get_child_lb(mpc_ast_t *ast, const char *tag, int lb)
{
    int i = mpc_ast_get_index_lb(ast, tag, lb);
    return i < 0 ? NULL : ast->children[i];
}

mpc_ast_t *mpc_ast_get_child(mpc_ast_t *ast, const char *tag) { return mpc_ast_get_child_lb(ast, tag, 0); }

int mpc_ast_eq(mpc_ast_t *a, mpc_ast_t *b)
{
    NStack s = {0};
    int eq = 1;
    ns_push(&s, a);
    ns_push(&s, b);
    while (eq && s.n) {
        mpc_ast_t *y = s.p[--s.n], *x = s.p[--s.n];
        if (!x || !y) {
            eq = x == y;
            continue;
        }
        eq = strcmp(x->tag, y->tag) == 0 && strcmp(x->contents, y->contents) == 0 &&
             x->children_num == y->children_num;
        for (int i = 0; eq && i < x->children_num; i++) {
            ns_push(&s, x->children[i]);
            ns_push(&s, y->children[i]);
        }
    }
    free(s.p);
    return eq;
}

/* ---------------------------------------------------------------- printing */

void mpc_ast_print_to(mpc_ast_t *a, FILE *fp)
{
    NStack s = {0};
    size_t *depth = NULL, dcap = 0;
    ns_push(&s, a);
    depth = xrealloc(depth, sizeof *depth * (dcap = s.cap));
    depth[0] = 0;
    while (s.n) {
        size_t d = depth[s.n - 1];
        mpc_ast_t *n = s.p[--s.n];
        for (size_t i = 0; i < d; i++) fputs("  ", fp);
        if (!n) {
            fputs("NULL\n", fp);
            continue;
        }
        if (n->contents && n->contents[0])
            fprintf(fp, "%s:%ld:%ld '%s'\n", n->tag, n->state.row + 1, n->state.col + 1, n->contents);
        else
            fprintf(fp, "%s \n", n->tag);
        for (int i = n->children_num - 1; i >= 0; i--) {
            ns_push(&s, n->children[i]);
            if (dcap < s.cap) depth = xrealloc(depth, sizeof *depth * (dcap = s.cap));
            depth[s.n - 1] = d + 1;
        }
    }
    free(s.p);
    free(depth);
}

void mpc_ast_print(mpc_ast_t *a) { mpc_ast_print_to(a, stdout); }

/* ---------------------------------------------------------------- traversal */

static mpc_ast_trav_t *trav_push(mpc_ast_t *n, mpc_ast_trav_t *parent, int child, mpc_ast_trav_order_t o)
{
    mpc_ast_trav_t *t = xmalloc(sizeof *t);
    *t = (mpc_ast_trav_t){n, parent, child, o};
    return t;
}

mpc_ast_trav_t *mpc_ast_traverse_start(mpc_ast_t *ast, mpc_ast_trav_order_t order)
{
    if (!ast) return NULL;
    /* pre-order: curr_child -1 marks the root as not yet returned */
    return trav_push(ast, NULL, order == mpc_ast_trav_order_pre ? -1 : 0, order);
}

mpc_ast_t *mpc_ast_traverse_next(mpc_ast_trav_t **trav)
{
    while (trav && *trav) {
        mpc_ast_trav_t *t = *trav;
        mpc_ast_t *n = t->curr_node;
        if (t->curr_child < 0) {
            t->curr_child = 0;
            return n;
        }
        if (t->curr_child < n->children_num) {
            mpc_ast_t *c = n->children[t->curr_child++];
            if (!c) continue;
            *trav = trav_push(c, t, 0, t->order);
            if (t->order == mpc_ast_trav_order_pre) return c;
            continue;
        }
        mpc_ast_trav_order_t order = t->order;
        *trav = t->parent;
        free(t);
        if (order == mpc_ast_trav_order_post) return n;
    }
    return NULL;
}

void mpc_ast_traverse_free(mpc_ast_trav_t **trav)
{
    while (trav && *trav) {
        mpc_ast_trav_t *t = *trav;
        *trav = t->parent;
        free(t);
    }
}
