/* mpc_err.c: turns the entries recorded at the furthest failure position into an mpc_err_t,
 * and formats, prints and frees errors (mpc-api.md §4). Descriptions are built only here, when
 * an error is actually reported. A lazy entry (a choice child skipped by its first set) is
 * expanded by running that child again at the same position in a scratch state; each lazy
 * child is expanded once, and never inside its own expansion. No fixed-size buffers. */
#include "mpc_int.h"

/* ---------------------------------------------------------------- string lists */

typedef struct SList {
    char **p;
    int n, cap;
    const char *failure; /* first failure met, if any */
} SList;

static void sl_add(SList *l, char *s)
{
    for (int i = 0; i < l->n; i++)
        if (strcmp(l->p[i], s) == 0) {
            free(s);
            return;
        }
    if (l->n == l->cap) {
        l->cap = l->cap ? l->cap * 2 : 8;
        l->p = xrealloc(l->p, sizeof *l->p * (size_t)l->cap);
    }
    l->p[l->n++] = s;
}

static void sl_free(SList *l)
{
    for (int i = 0; i < l->n; i++) free(l->p[i]);
    free(l->p);
}

typedef struct Buf {
    char *p;
    size_t n, cap;
} Buf;

static void buf_add(Buf *b, const char *s, size_t n)
{
    if (b->n + n + 1 > b->cap) {
        b->cap = (b->n + n + 1) * 2;
        b->p = xrealloc(b->p, b->cap);
    }
    memcpy(b->p + b->n, s, n);
    b->n += n;
    b->p[b->n] = 0;
}

static void buf_str(Buf *b, const char *s) { buf_add(b, s, strlen(s)); }

/* "a", "a or b", "a, b or c"; the literal ERROR: NOTHING EXPECTED for none. */
static void buf_list(Buf *b, char **xs, int n)
{
    if (n == 0) buf_str(b, "ERROR: NOTHING EXPECTED");
    for (int i = 0; i < n; i++) {
        if (i > 0) buf_str(b, i == n - 1 ? " or " : ", ");
        buf_str(b, xs[i]);
    }
}

/* ---------------------------------------------------------------- describing entries */

typedef struct Expand {
    const void **busy; /* lazy children being expanded or already expanded */
    int n, cap;
} Expand;

static void describe(St *ctx, Ent e, long pos, SList *out, Expand *x);

static char *quote(char q, const char *s, size_t n)
{
    char *d = xmalloc(n + 3);
    d[0] = q;
    memcpy(d + 1, s, n);
    d[n + 1] = q;
    d[n + 2] = 0;
    return d;
}

static char *ent_describe_node(const mpc_parser_t *p)
{
    switch (p->type) {
    case N_CHAR: return quote('\'', (const char *)&p->d.chr.c, 1);
    case N_STRING: return quote('"', p->d.str.s, p->d.str.len);
    case N_EXPECT: return xstrdup(p->d.one.desc);
    default: return xstrdup("parser");
    }
}

/* "one or more of X" / "n of X" for a wrapped entry. */
static char *wrapped(St *ctx, Ent e, long pos, Expand *x)
{
    SList l = {0};
    describe(ctx, ctx->comp[e.sub], pos, &l, x);
    Buf b = {0};
    char head[48];
    if (e.kind == EK_MANY1) snprintf(head, sizeof head, "one or more of ");
    else snprintf(head, sizeof head, "%u of ", e.n);
    buf_str(&b, head);
    buf_list(&b, l.p, l.n);
    sl_free(&l);
    return b.p;
}

static int busy(Expand *x, const void *p)
{
    for (int i = 0; i < x->n; i++)
        if (x->busy[i] == p) return 1;
    if (x->n == x->cap) {
        x->cap = x->cap ? x->cap * 2 : 8;
        x->busy = xrealloc(x->busy, sizeof *x->busy * (size_t)x->cap);
    }
    x->busy[x->n++] = p;
    return 0;
}

/* Runs the skipped child again at pos and describes what it records there. */
static void expand_lazy(St *ctx, Ent e, long pos, SList *out, Expand *x)
{
    if (busy(x, e.p)) return;
    St sub;
    st_init(&sub, (const char *)ctx->in, ctx->len);
    sub.pos = sub.base = sub.nl_end = (uint32_t)pos; /* (it reports no positions) */
    sub.term = (int)e.n;
    sub.stack_limit = ctx->stack_limit;
    if (e.kind == EK_LAZY) eng_run(&sub, e.p);
    else re_run(&sub, e.p);
    if (sub.ppos >= 0) err_record(&sub, sub.ppos, sub.pe);
    for (uint32_t i = 0; sub.emax == pos && i < sub.en; i++) describe(&sub, sub.el[i], pos, out, x);
    st_free(&sub);
}

static void describe(St *ctx, Ent e, long pos, SList *out, Expand *x)
{
    char c[4] = {'\'', (char)e.n, '\'', 0};
    switch (e.kind) {
    case EK_NODE: sl_add(out, ent_describe_node(e.p)); break;
    case EK_RE: sl_add(out, re_describe(e.p)); break;
    case EK_CHAR: sl_add(out, quote('\'', c + 1, 1)); break;
    case EK_TEXT: sl_add(out, xstrdup(e.p)); break;
    case EK_FAIL:
        if (!out->failure) out->failure = e.p;
        break;
    case EK_LAZY: case EK_LAZYRE: expand_lazy(ctx, e, pos, out, x); break;
    default: sl_add(out, wrapped(ctx, e, pos, x)); break;
    }
}

/* ---------------------------------------------------------------- building errors */

mpc_err_t *err_fail_new(const char *filename, const char *msg)
{
    mpc_err_t *e = xmalloc(sizeof *e);
    memset(e, 0, sizeof *e);
    e->filename = xstrdup(filename ? filename : "");
    e->failure = xstrdup(msg);
    e->received = ' ';
    return e;
}

mpc_err_t *err_build(St *st, const char *filename)
{
    if (st->abort) {
        mpc_err_t *e = err_fail_new(filename, "Maximum recursion depth exceeded!");
        e->state.pos = st->abort_pos;
        mpc_linecol(st, st->abort_pos, &e->state.row, &e->state.col);
        return e;
    }
    if (st->ppos >= 0) err_record(st, st->ppos, st->pe);
    if (st->emax < 0) return err_fail_new(filename, "Unknown Error");
    SList l = {0};
    Expand x = {0};
    for (uint32_t i = 0; i < st->en; i++) describe(st, st->el[i], st->emax, &l, &x);
    free(x.busy);
    mpc_err_t *e = err_fail_new(filename, l.failure ? l.failure : "");
    e->state.pos = st->emax;
    mpc_linecol(st, st->emax, &e->state.row, &e->state.col);
    if (l.failure) {
        sl_free(&l);
        return e;
    }
    free(e->failure);
    e->failure = NULL;
    e->expected = l.p;
    e->expected_num = l.n;
    e->received = st->emax < st->len ? (char)st->in[st->emax] : '\0';
    return e;
}

/* ---------------------------------------------------------------- the public functions */

static const char *received_name(char c)
{
    switch (c) {
    case '\0': return "end of input";
    case '\a': return "bell";
    case '\b': return "backspace";
    case '\f': return "formfeed";
    case '\r': return "carriage return";
    case '\v': return "vertical tab";
    case '\n': return "newline";
    case '\t': return "tab";
    case ' ': return "space";
    default: return NULL;
    }
}

char *mpc_err_string(mpc_err_t *e)
{
    Buf b = {0};
    buf_str(&b, e->filename ? e->filename : "");
    if (e->failure) {
        buf_str(&b, ": error: ");
        buf_str(&b, e->failure);
        buf_str(&b, "\n");
        return b.p;
    }
    char pos[64];
    snprintf(pos, sizeof pos, ":%ld:%ld: error: expected ", e->state.row + 1, e->state.col + 1);
    buf_str(&b, pos);
    buf_list(&b, e->expected, e->expected_num);
    buf_str(&b, " at ");
    const char *name = received_name(e->received);
    if (name) {
        buf_str(&b, name);
    } else {
        char q[3] = {'\'', e->received, '\''};
        buf_add(&b, q, 3);
    }
    buf_str(&b, "\n");
    return b.p;
}

void mpc_err_print_to(mpc_err_t *e, FILE *f)
{
    char *s = mpc_err_string(e);
    fputs(s, f);
    free(s);
}

void mpc_err_print(mpc_err_t *e) { mpc_err_print_to(e, stdout); }

void mpc_err_delete(mpc_err_t *e)
{
    for (int i = 0; i < e->expected_num; i++) free(e->expected[i]);
    free(e->expected);
    free(e->filename);
    free(e->failure);
    free(e);
}

/* An "expected ..." error made outside a parse (the grammar loader). Takes xs and its strings. */
mpc_err_t *err_expected(const char *filename, mpc_state_t s, char received, char **xs, int n)
{
    SList l = {0};
    for (int i = 0; i < n; i++) sl_add(&l, xs[i]);
    free(xs);
    mpc_err_t *e = err_fail_new(filename, "");
    free(e->failure);
    e->failure = NULL;
    e->state = s;
    e->received = received;
    e->expected = l.p;
    e->expected_num = l.n;
    return e;
}
