/* mpc_parser.c: parser objects: creation, definition, deletion, the public constructors
 * (mpc_new, mpc_re, mpc_apply, mpc_expect, mpc_fail) and the checked allocators.
 * Ownership: a node owns its children except retained (mpc_new) parsers, which are freed only
 * by mpc_delete/mpc_cleanup; rule references never own their target. Every change bumps
 * mpc_epoch so cached first sets are recomputed before the next parse. */
#include <pthread.h>
#include <sys/mman.h>

#include "mpc_int.h"

_Atomic unsigned long mpc_epoch = 1;

void mpc_changed(void) { atomic_fetch_add(&mpc_epoch, 1); }

/* ---------------------------------------------------------------- allocation */

static void oom(void)
{
    fputs("mpc: out of memory\n", stderr);
    abort();
}

void *xmalloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    if (!p) oom();
    return p;
}

void *xrealloc(void *p, size_t n)
{
    p = realloc(p, n ? n : 1);
    if (!p) oom();
    return p;
}

char *xstrndup(const char *s, size_t n)
{
    char *d = xmalloc(n + 1);
    memcpy(d, s, n);
    d[n] = 0;
    return d;
}

char *xstrdup(const char *s) { return xstrndup(s, strlen(s)); }

/* Large blocks (arenas, output trees) come straight from mmap in whole huge pages when the
 * kernel allows it: a parse touches them once, and a fault per 2 MB instead of per 4 KB
 * matters (page faults were 15% of parse time). Medium blocks (RECYCLE_MIN to HUGE) are
 * rounded up to a power of two and a few freed ones are kept for the next parse: a program
 * parsed one top-level expression at a time (mpc_parse_from) allocates blocks of the same
 * sizes again and again, and fresh memory from malloc (which maps blocks this size) costs a
 * page fault per 4 KB, more than the parse that fills it. */
#define HUGE ((size_t)2 << 20)
#define RECYCLE_MIN ((size_t)32 << 10)
#define RECYCLE_CLASSES 6 /* 32 KB .. 1 MB */
#define RECYCLE_KEEP 2    /* blocks kept per class: at most 4 MB in all */

static pthread_mutex_t recycle_lock = PTHREAD_MUTEX_INITIALIZER;
static void *recycled[RECYCLE_CLASSES][RECYCLE_KEEP];

/* The size class of a medium block of n bytes (-1 for other sizes); *size gets its size. */
static int recycle_class(size_t n, size_t *size)
{
    if (n < RECYCLE_MIN || n >= HUGE) return -1;
    int c = 0;
    size_t s = RECYCLE_MIN;
    while (s < n) s *= 2, c++;
    *size = s;
    return c < RECYCLE_CLASSES ? c : -1;
}

void *big_alloc(size_t n)
{
    size_t size;
    int c = recycle_class(n, &size);
    if (c >= 0) {
        void *p = NULL;
        pthread_mutex_lock(&recycle_lock);
        for (int i = 0; i < RECYCLE_KEEP && !p; i++) {
            p = recycled[c][i];
            recycled[c][i] = NULL;
        }
        pthread_mutex_unlock(&recycle_lock);
        return p ? p : xmalloc(size);
    }
    if (n < HUGE) return xmalloc(n);
    size_t len = (n + HUGE - 1) & ~(HUGE - 1);
    char *p = mmap(NULL, len + HUGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED) return xmalloc(n);
    size_t skew = (size_t)((uintptr_t)p & (HUGE - 1)), lead = skew ? HUGE - skew : 0;
    if (lead) munmap(p, lead);
    munmap(p + lead + len, HUGE - lead);
    madvise(p + lead, len, MADV_HUGEPAGE);
    return p + lead;
}

void big_free(void *p, size_t n)
{
    if (!p) return;
    size_t size;
    int c = recycle_class(n, &size);
    if (c >= 0) {
        pthread_mutex_lock(&recycle_lock);
        for (int i = 0; i < RECYCLE_KEEP && p; i++) {
            if (!recycled[c][i]) {
                recycled[c][i] = p;
                p = NULL;
            }
        }
        pthread_mutex_unlock(&recycle_lock);
        free(p);
        return;
    }
    if (n < HUGE || ((uintptr_t)p & (HUGE - 1))) free(p);
    else munmap(p, (n + HUGE - 1) & ~(HUGE - 1));
}

/* ---------------------------------------------------------------- nodes */

mpc_parser_t *node_new(int type)
{
    mpc_parser_t *p = xmalloc(sizeof *p);
    memset(p, 0, sizeof *p);
    atomic_init(&p->epoch, 0);
    p->scratch = -1;
    p->type = (uint8_t)type;
    return p;
}

mpc_parser_t *node_fail_own(char *msg)
{
    mpc_parser_t *p = node_new(N_FAIL);
    p->d.fail.msg = msg;
    return p;
}

mpc_parser_t *node_fail(const char *msg) { return node_fail_own(xstrdup(msg)); }

mpc_parser_t *node_one(int type, mpc_parser_t *x, int n)
{
    mpc_parser_t *p = node_new(type);
    p->d.one.x = x;
    p->d.one.n = n;
    return p;
}

mpc_parser_t *node_list(int type, mpc_parser_t **xs, int n)
{
    mpc_parser_t *p = node_new(type);
    p->d.list.xs = xs;
    p->d.list.n = n;
    return p;
}

void node_clear(mpc_parser_t *p)
{
    switch (p->type) {
    case N_RULE: node_free(p->d.rule.body); break;
    case N_FAIL: free(p->d.fail.msg); break;
    case N_STRING: free(p->d.str.s); break;
    case N_REGEX: case N_RE: re_free(p->d.re.re); break;
    case N_SEQ: case N_ALT:
        for (int i = 0; i < p->d.list.n; i++) node_free(p->d.list.xs[i]);
        free(p->d.list.xs);
        break;
    case N_MANY: case N_MANY1: case N_OPT: case N_NOT: case N_COUNT: case N_EXPECT: case N_PRED:
        node_free(p->d.one.x);
        free(p->d.one.desc);
        break;
    case N_APPLY: case N_APPLY_TO: node_free(p->d.apply.x); break;
    default: break;
    }
    memset(&p->d, 0, sizeof p->d);
    p->type = N_UNDEF;
}

void node_free(mpc_parser_t *p)
{
    if (!p || p->retained) return;
    node_clear(p);
    free(p->name);
    free(p);
}

/* ---------------------------------------------------------------- public lifecycle */

mpc_parser_t *mpc_new(const char *name)
{
    mpc_parser_t *p = node_new(N_UNDEF);
    p->retained = 1;
    p->name = xstrdup(name ? name : "");
    return p;
}

mpc_parser_t *mpc_define(mpc_parser_t *p, mpc_parser_t *a)
{
    mpc_changed();
    node_clear(p);
    if (!p->retained) {
        node_free(a);
        p->type = N_FAIL;
        p->d.fail.msg = xstrdup("Attempt to assign to Unretained Parser!");
        return p;
    }
    if (a == p) return p; /* defining p as itself would loop forever: leave it undefined */
    p->type = N_RULE;
    p->d.rule.body = a;
    return p;
}

mpc_parser_t *mpc_undefine(mpc_parser_t *p)
{
    mpc_changed();
    node_clear(p);
    return p;
}

void mpc_delete(mpc_parser_t *p)
{
    if (!p) return;
    mpc_changed();
    node_clear(p);
    free(p->name);
    free(p);
}

void mpc_cleanup(int n, ...)
{
    if (n <= 0) return;
    mpc_parser_t **ps = xmalloc(sizeof *ps * (size_t)n);
    va_list va;
    va_start(va, n);
    for (int i = 0; i < n; i++) ps[i] = va_arg(va, mpc_parser_t *);
    va_end(va);
    for (int i = 0; i < n; i++)
        if (ps[i]) mpc_undefine(ps[i]);
    for (int i = 0; i < n; i++) mpc_delete(ps[i]);
    free(ps);
}

/* ---------------------------------------------------------------- public constructors */

mpc_parser_t *mpc_re_mode(const char *re, int mode)
{
    char *err;
    ReNode *r = re_compile(re ? re : "", mode, &err);
    if (!r) {
        size_t n = strlen(err) + 16;
        char *msg = xmalloc(n);
        snprintf(msg, n, "Invalid Regex: %s", err);
        free(err);
        return node_fail_own(msg);
    }
    mpc_parser_t *p = node_new(N_RE);
    p->d.re.re = r;
    return p;
}

mpc_parser_t *mpc_re(const char *re) { return mpc_re_mode(re, MPC_RE_DEFAULT); }

mpc_parser_t *mpc_apply(mpc_parser_t *a, mpc_apply_t f)
{
    mpc_parser_t *p = node_new(N_APPLY);
    p->d.apply.x = a;
    p->d.apply.f = (void (*)(void))f;
    return p;
}

mpc_parser_t *mpc_apply_to(mpc_parser_t *a, mpc_apply_to_t f, void *d)
{
    mpc_parser_t *p = node_new(N_APPLY_TO);
    p->d.apply.x = a;
    p->d.apply.f = (void (*)(void))f;
    p->d.apply.d = d;
    return p;
}

mpc_parser_t *mpc_expect(mpc_parser_t *a, const char *e)
{
    mpc_parser_t *p = node_one(N_EXPECT, a, 0);
    p->d.one.desc = xstrdup(e ? e : "");
    return p;
}

mpc_parser_t *mpc_fail(const char *m) { return node_fail(m ? m : ""); }

mpc_val_t *mpcf_free(mpc_val_t *x)
{
    free(x);
    return NULL;
}
