/* mpc_mat.c: turns the Vals of a finished parse into an mpc_ast_t tree, applying the
 * flattening rules of mpc-api.md §1.6 that the folds only recorded: a child with one child is
 * replaced by it (tag prefixed with the parent's rule names), a child with several children is
 * spliced in. A first pass counts nodes and bytes so the whole tree fits one exact block; tag
 * strings are interned per tree. Also maps positions to rows and columns. Recursion depth is
 * the depth of the tree; a frame below the stack limit stops descending (st->abort = 2). */
#include "mpc_val.h"

#define NODE_BYTES (sizeof(void *) + sizeof(mpc_ast_t))

static const char *const BASE_NAME[] = {"char", "string", "regex", ">"};

typedef struct Mat {
    St *st;
    int copy_ext;
    AstBlock *blk;
    char *nodes;        /* cursors into the block */
    mpc_ast_t **kids;
    char *strs;
    size_t nn, nk, ns;  /* counted nodes, children slots, string bytes */
    char **tags;        /* interned tag strings by chain * 4 + base */
    uint32_t tcap;
} Mat;

/* ---------------------------------------------------------------- rows and columns */

/* Records the newlines in [nl_end, upto) (upto <= len), extending the table. */
static void nl_scan(St *st, uint32_t upto)
{
    const unsigned char *p = st->in + st->nl_end, *end = st->in + upto;
    while (p < end && (p = memchr(p, '\n', (size_t)(end - p)))) {
        if (st->nln == st->nlcap) {
            st->nlcap = st->nlcap ? st->nlcap * 2 : 256;
            st->nl = xrealloc(st->nl, sizeof *st->nl * st->nlcap);
        }
        st->nl[st->nln++] = (uint32_t)(p++ - st->in);
    }
    st->nl_end = upto;
}

/* First index in nl[lo, hi) holding a position >= pos (hi if none). */
static long lower_bound(const uint32_t *nl, long lo, long hi, long pos)
{
    while (lo < hi) {
        long mid = lo + (hi - lo) / 2;
        if ((long)nl[mid] < pos) lo = mid + 1;
        else hi = mid;
    }
    return lo;
}

/* Rows count from st->base (row base_row); the table grows geometrically ahead of the
 * furthest lookup, so a parse from `base` never scans far past what it read. */
void mpc_linecol(St *st, long pos, long *row, long *col)
{
    if (pos < (long)st->base) pos = st->base;
    if (pos > (long)st->nl_end) {
        uint64_t want = (uint64_t)pos + (st->nl_end - st->base) + 4096;
        nl_scan(st, want < st->len ? (uint32_t)want : st->len);
    }
    long r, n = st->nln;
    if (pos >= st->nl_pos) { /* usually a little after the last lookup */
        r = st->nl_row;
        for (int i = 0; i < 8 && r < n && (long)st->nl[r] < pos; i++) r++;
        if (r < n && (long)st->nl[r] < pos) r = lower_bound(st->nl, r, n, pos);
    } else {
        r = lower_bound(st->nl, 0, st->nl_row, pos);
    }
    st->nl_pos = pos;
    st->nl_row = r;
    *row = st->base_row + r;
    *col = r ? pos - (long)st->nl[r - 1] - 1 : st->base_col + (pos - (long)st->base);
}

static mpc_state_t state_at(St *st, uint32_t pos)
{
    mpc_state_t s = {pos, 0, 0, 0};
    mpc_linecol(st, pos, &s.row, &s.col);
    return s;
}

/* ---------------------------------------------------------------- tags */

/* Chain a followed by chain b. */
static uint32_t concat(St *st, uint32_t a, uint32_t b)
{
    if (a == 0) return b;
    if (b == 0) return a;
    return chain_cons(st, st->ch[a].name, concat(st, st->ch[a].rest, b));
}

/* "name|name|" for a chain, in a heap string. */
static char *chain_str(St *st, uint32_t c)
{
    size_t n = 1;
    for (uint32_t i = c; i; i = st->ch[i].rest) n += strlen(st->ch[i].name) + 1;
    char *s = xmalloc(n), *p = s;
    for (uint32_t i = c; i; i = st->ch[i].rest) {
        size_t k = strlen(st->ch[i].name);
        memcpy(p, st->ch[i].name, k);
        p[k] = '|';
        p += k + 1;
    }
    *p = 0;
    return s;
}

static char *tag_for(Mat *m, uint32_t chain, int base)
{
    St *st = m->st;
    if (st->chn * 4 > m->tcap) {
        uint32_t cap = st->chcap * 4;
        m->tags = xrealloc(m->tags, sizeof *m->tags * cap);
        memset(m->tags + m->tcap, 0, sizeof *m->tags * (cap - m->tcap));
        m->tcap = cap;
    }
    char **slot = &m->tags[chain * 4 + (uint32_t)base];
    if (!*slot) {
        char *prefix = chain_str(st, chain);
        size_t a = strlen(prefix), b = strlen(BASE_NAME[base]);
        *slot = ast_block_tag(m->blk, a + b + 1);
        memcpy(*slot, prefix, a);
        memcpy(*slot + a, BASE_NAME[base], b + 1);
        free(prefix);
    }
    return *slot;
}

/* Prepends the first n bytes of text to a caller's node's tag. */
static void retag(mpc_ast_t *a, const char *text, size_t n)
{
    if (n == 0) return;
    size_t k = strlen(a->tag);
    char *s = xmalloc(n + k + 1);
    memcpy(s, text, n);
    memcpy(s + n, a->tag, k + 1);
    mpc_ast_tag(a, s);
    free(s);
}

/* ---------------------------------------------------------------- counting */

static void count_kids(Mat *m, const Val *v);

static int low_stack(Mat *m)
{
    if ((char *)__builtin_frame_address(0) >= m->st->stack_limit) return 0;
    m->st->abort = 2;
    return 1;
}

static void count_node(Mat *m, const Val *v)
{
    if (v->kind == V_EXT || v->kind == V_ANY) return;
    m->nn++;
    if (v->kind == V_LEAF || v->kind == V_STR) {
        m->ns += v->b + 1;
        return;
    }
    m->ns += 1;
    m->nk += v->nkids;
    if (!low_stack(m)) count_kids(m, v);
}

static void count_kids(Mat *m, const Val *v)
{
    if (v->kind == V_WRAP) {
        count_node(m, val_in(v)[0]);
    } else if (v->kind == V_NODE) {
        for (uint32_t i = 0; i < v->a; i++) {
            const Val *w = val_in(v)[i];
            if (w->nkids == 0) count_node(m, w);
            else count_kids(m, w);
        }
    }
}

/* ---------------------------------------------------------------- building */

static mpc_ast_t *make_node(Mat *m, Val *v, uint32_t pre);

static mpc_ast_t *take_ext(Mat *m, Val *v)
{
    if (m->copy_ext || (v->flags & VF_USED)) return ast_copy(*val_ptr(v));
    v->flags |= VF_USED;
    return *val_ptr(v);
}

static mpc_ast_t *make_ext(Mat *m, Val *v, uint32_t pre)
{
    mpc_ast_t *e = take_ext(m, v);
    char *p = chain_str(m->st, concat(m->st, pre, v->tag));
    retag(e, p, strlen(p));
    free(p);
    if (v->flags & VF_POSSET) e->state = state_at(m->st, v->pos);
    return e;
}

/* Appends an external node's children; the only child of a one-child node gets the prefix. */
static void ext_kids(Mat *m, Val *v, uint32_t pre, mpc_ast_t **out, uint32_t *i)
{
    mpc_ast_t *e = take_ext(m, v);
    if (e->children_num == 1 && e->children[0]) {
        char *p = chain_str(m->st, pre);
        size_t a = strlen(p), b = strlen(e->tag);
        p = xrealloc(p, a + b + 1);
        memcpy(p + a, e->tag, b + 1);
        retag(e->children[0], p, a + (b ? b - 1 : 0));
        free(p);
    }
    for (int k = 0; k < e->children_num; k++) out[(*i)++] = e->children[k];
    e->children_num = 0;
    ast_free_shell(e);
}

static void emit_kids(Mat *m, Val *v, uint32_t pre, mpc_ast_t **out, uint32_t *i)
{
    if (v->kind == V_WRAP) {
        out[(*i)++] = make_node(m, val_in(v)[0], pre);
    } else if (v->kind == V_EXT || v->kind == V_ANY) {
        ext_kids(m, v, pre, out, i);
    } else if (v->kind == V_NODE) {
        for (uint32_t k = 0; k < v->a; k++) {
            Val *w = val_in(v)[k];
            if (w->nkids == 0) out[(*i)++] = make_node(m, w, pre);
            else if (w->nkids == 1) emit_kids(m, w, concat(m->st, pre, w->tag), out, i);
            else emit_kids(m, w, 0, out, i);
        }
    }
}

static mpc_ast_t *make_node(Mat *m, Val *v, uint32_t pre)
{
    if (v->kind == V_EXT || v->kind == V_ANY) return make_ext(m, v, pre);
    mpc_ast_t *a = ast_block_node(m->blk, &m->nodes);
    int leaf = v->kind == V_LEAF || v->kind == V_STR;
    a->tag = tag_for(m, concat(m->st, pre, v->tag), v->kind == V_STR ? B_REGEX : v->base);
    a->contents = m->strs;
    a->state = state_at(m->st, v->pos);
    a->children_num = 0;
    a->children = NULL;
    if (leaf) {
        memcpy(m->strs, m->st->in + v->a, v->b);
        m->strs[v->b] = 0;
        m->strs += v->b + 1;
        return a;
    }
    *m->strs++ = 0;
    if (v->nkids == 0 || low_stack(m)) return a;
    uint32_t n = 0;
    a->children = m->kids;
    m->kids += v->nkids;
    emit_kids(m, v, 0, a->children, &n);
    a->children_num = (int)n;
    return a;
}

/* The AST for v (NULL for nothing). copy_ext: copy caller-owned subtrees instead of moving
 * them (the Vals stay usable). Returns NULL with st->abort set if the stack ran out. */
mpc_ast_t *mat_tree(St *st, Val *v, int copy_ext)
{
    if (!v) return NULL;
    Mat m = {0};
    m.st = st;
    m.copy_ext = copy_ext;
    count_node(&m, v);
    if (st->abort) return NULL;
    if (m.nn) {
        m.blk = ast_block_new(m.nn * NODE_BYTES + m.nk * sizeof(mpc_ast_t *) + m.ns);
        m.nodes = (char *)(void *)ast_block_lo(m.blk);
        m.kids = (mpc_ast_t **)(void *)(m.nodes + m.nn * NODE_BYTES);
        m.strs = (char *)(m.kids + m.nk);
    }
    mpc_ast_t *a = make_node(&m, v, 0);
    free(m.tags);
    if (st->abort) {
        mpc_ast_delete(a);
        return NULL;
    }
    return a;
}
