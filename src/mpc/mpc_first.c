/* mpc_first.c: first sets of parser nodes (what each can start with), used by the engine to
 * skip alternatives that cannot match the next byte.
 * Computed lazily: a parse first calls first_refresh on its root, which, if any parser changed
 * since (mpc_epoch), recomputes the least fixpoint over every node reachable from the root
 * under one global lock. Results are written only where they changed, so parses running at
 * the same time on unchanged grammars never see a write. */
#include <pthread.h>

#include "mpc_int.h"

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;

void fs_all(FirstSet *f)
{
    f->nullable = 1;
    memset(f->bits, 0xff, sizeof f->bits);
    f->bits[0] &= 0xfe; /* the terminating NUL is never consumed */
}

int fs_union(FirstSet *dst, const FirstSet *src)
{
    int grew = 0;
    for (int i = 0; i < 32; i++) {
        uint8_t b = dst->bits[i] | src->bits[i];
        grew |= b != dst->bits[i];
        dst->bits[i] = b;
    }
    return grew;
}

/* The i-th node p depends on, or NULL after the last. */
static mpc_parser_t *child(const mpc_parser_t *p, int i)
{
    switch (p->type) {
    case N_RULE: return i == 0 ? p->d.rule.body : NULL;
    case N_REF: return i == 0 ? p->d.ref.target : NULL;
    case N_SEQ: case N_ALT: return i < p->d.list.n ? p->d.list.xs[i] : NULL;
    case N_MANY: case N_MANY1: case N_OPT: case N_NOT: case N_COUNT: case N_EXPECT: case N_PRED:
        return i == 0 ? p->d.one.x : NULL;
    case N_APPLY: case N_APPLY_TO: return i == 0 ? p->d.apply.x : NULL;
    default: return NULL;
    }
}

typedef struct Graph {
    mpc_parser_t **nodes; /* post-order: a node after the nodes it depends on (except cycles) */
    int n, cap;
    FirstSet *fs;
} Graph;

/* Collects every node reachable from root, numbering them through p->scratch (-1 = unseen:
 * the scratch fields of the previous run are reset at the end of each run). */
static void collect(Graph *g, mpc_parser_t *root)
{
    typedef struct { mpc_parser_t *p; int i; } Frame;
    int cap = 64, top = 0;
    Frame *st = xmalloc(sizeof *st * (size_t)cap);
    st[top++] = (Frame){root, 0};
    root->scratch = -2; /* on the stack */
    while (top > 0) {
        Frame *f = &st[top - 1];
        mpc_parser_t *c = child(f->p, f->i++);
        if (c) {
            if (c->scratch != -1) continue;
            c->scratch = -2;
            if (top == cap) st = xrealloc(st, sizeof *st * (size_t)(cap *= 2));
            st[top++] = (Frame){c, 0};
            continue;
        }
        if (g->n == g->cap) g->nodes = xrealloc(g->nodes, sizeof *g->nodes * (size_t)(g->cap = g->cap * 2 + 64));
        f->p->scratch = g->n;
        g->nodes[g->n++] = f->p;
        top--;
    }
    free(st);
}

static const FirstSet *at(const Graph *g, const mpc_parser_t *p) { return &g->fs[p->scratch]; }

static void one(const Graph *g, const mpc_parser_t *p, FirstSet *f)
{
    switch (p->type) {
    case N_RULE: case N_REF: case N_EXPECT: case N_PRED: case N_APPLY: case N_APPLY_TO: case N_MANY1:
        *f = *at(g, child(p, 0));
        break;
    case N_MANY: case N_OPT:
        *f = *at(g, p->d.one.x);
        f->nullable = 1;
        break;
    case N_COUNT:
        if (p->d.one.n > 0) *f = *at(g, p->d.one.x);
        else f->nullable = 1;
        break;
    case N_NOT: f->nullable = 1; break;
    case N_CHAR: if (p->d.chr.c) fs_add(f, p->d.chr.c); break;
    case N_STRING:
        if (p->d.str.len) fs_add(f, (unsigned char)p->d.str.s[0]);
        else f->nullable = 1;
        break;
    case N_REGEX: case N_RE: *f = p->d.re.re->fs; break;
    case N_SEQ:
        f->nullable = 1;
        for (int i = 0; i < p->d.list.n && f->nullable; i++) {
            fs_union(f, at(g, p->d.list.xs[i]));
            f->nullable = at(g, p->d.list.xs[i])->nullable;
        }
        break;
    case N_ALT:
        for (int i = 0; i < p->d.list.n; i++) {
            fs_union(f, at(g, p->d.list.xs[i]));
            f->nullable |= at(g, p->d.list.xs[i])->nullable;
        }
        break;
    default: fs_all(f); break; /* undefined or failing: never skipped, so the failure shows */
    }
}

static void solve(Graph *g)
{
    g->fs = xmalloc(sizeof *g->fs * (size_t)g->n);
    memset(g->fs, 0, sizeof *g->fs * (size_t)g->n);
    for (int changed = 1; changed;) {
        changed = 0;
        for (int i = 0; i < g->n; i++) {
            FirstSet f;
            memset(&f, 0, sizeof f);
            one(g, g->nodes[i], &f);
            if (memcmp(&f, &g->fs[i], sizeof f) != 0) {
                g->fs[i] = f;
                changed = 1;
            }
        }
    }
}

void first_refresh(mpc_parser_t *root)
{
    unsigned long e = atomic_load(&mpc_epoch);
    if (atomic_load_explicit(&root->epoch, memory_order_acquire) == e) return;
    pthread_mutex_lock(&lock);
    e = atomic_load(&mpc_epoch);
    if (atomic_load_explicit(&root->epoch, memory_order_relaxed) != e) {
        Graph g = {0};
        collect(&g, root);
        solve(&g);
        for (int i = 0; i < g.n; i++) {
            mpc_parser_t *p = g.nodes[i];
            if (memcmp(&p->fs, &g.fs[i], sizeof p->fs) != 0) p->fs = g.fs[i];
            p->scratch = -1;
        }
        /* release: a parse that sees the new epoch on a node also sees its first set */
        for (int i = 0; i < g.n; i++) atomic_store_explicit(&g.nodes[i]->epoch, e, memory_order_release);
        free(g.nodes);
        free(g.fs);
    }
    pthread_mutex_unlock(&lock);
}
