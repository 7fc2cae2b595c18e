/* mpc_eng.c: runs parser nodes over an input: PEG semantics (ordered choice, possessive
 * repetition, sequences that rewind), upstream's error bookkeeping, and packrat memoisation.
 *
 * Errors: a failing node leaves one "pending" entry (the error upstream would return); choice,
 * `?`, `*` and `+` merge it into the list of entries at the furthest position (st->emax), as
 * upstream merges into its accumulator. Entries are tiny and only described when an error is
 * reported, so failing costs almost nothing.
 * Memo: a rule reference whose own work (not counting memoised sub-invocations) reaches
 * MEMO_MIN_WORK steps is remembered by (rule, position); any re-invocation is then O(1). This
 * bounds re-parsing by a constant factor while storing few entries.
 * Skipping: a choice, `?`, `*` or `!` does not run a child that cannot start with the next
 * byte (first sets, mpc_first.c); it records a lazy entry that is expanded by re-running the
 * child only if that error is reported. */
#include "mpc_val.h"

#define MEMO_MIN_WORK 128

/* Workers stay out of eng_run so that it is a bare dispatch (a tail jump) with no frame of its
 * own: it runs several times per input byte. */
#define NOINLINE __attribute__((noinline))

typedef struct MEnt {
    const mpc_parser_t *rule; /* NULL: empty slot */
    uint32_t pos, end;
    uint8_t ok, term_in, term_out, recorded;
    uint32_t ppos1;           /* pending error position + 1 (0: none) */
    Val *val;
    Ent pe;
} MEnt;                       /* 48 bytes */

struct Memo {
    MEnt *tab;
    uint32_t cap, n;
    uint8_t *bits;        /* bit per input position from st->base: some entry starts there */
    uint32_t nbits;       /* bytes of bits, grown as the parse moves on */
    unsigned long stores; /* entries stored that point at a value (they pin the arena) */
};

/* ---------------------------------------------------------------- state */

void st_init(St *st, const char *in, uint32_t len)
{
    memset(st, 0, sizeof *st);
    st->in = (const unsigned char *)in;
    st->len = len;
    st->emax = -1;
    st->ppos = -1;
    st->chcap = 16;
    st->ch = xmalloc(sizeof *st->ch * st->chcap);
    st->ch[0] = (Chain){NULL, 0};
    st->chn = 1;
}

void st_free(St *st)
{
    val_free_ext(st, 0);
    mpc_ir_free(&st->ir);
    free(st->ext);
    free(st->vs);
    free(st->ch);
    free(st->chh);
    free(st->el);
    free(st->comp);
    free(st->nl);
    free(st->act);
    if (st->memo) {
        free(st->memo->tab);
        free(st->memo->bits);
        free(st->memo);
    }
}

/* ---------------------------------------------------------------- errors */

void err_record(St *st, long pos, Ent e)
{
    if (pos < st->emax) return;
    if (pos > st->emax) {
        st->emax = pos;
        st->en = 0;
    }
    if (st->en == st->ecap) {
        st->ecap = st->ecap ? st->ecap * 2 : 16;
        st->el = xrealloc(st->el, sizeof *st->el * st->ecap);
    }
    st->el[st->en++] = e;
}

void err_set_at(St *st, long pos, Ent e)
{
    if (st->suppress) return;
    if (pos < st->emax) { /* can never be reported: the furthest position only grows */
        st->ppos = -1;
        return;
    }
    st->ppos = pos;
    st->pe = e;
}

void err_set(St *st, Ent e) { err_set_at(st, st->pos, e); }

void err_merge(St *st)
{
    if (st->suppress || st->ppos < 0) return;
    err_record(st, st->ppos, st->pe);
    st->ppos = -1;
}

/* `+` with no match, or `{n}` short: the pending entry becomes "one or more of X" / "n of X". */
void err_wrap(St *st, int kind, uint32_t n)
{
    if (st->suppress || st->ppos < 0 || st->pe.kind == EK_FAIL) return;
    if (st->cn == st->ccap) {
        st->ccap = st->ccap ? st->ccap * 2 : 16;
        st->comp = xrealloc(st->comp, sizeof *st->comp * st->ccap);
    }
    st->comp[st->cn] = st->pe;
    st->pe = (Ent){(uint8_t)kind, n, st->cn++, NULL};
}

static int fail_with(St *st, int kind, const void *p)
{
    err_set(st, (Ent){(uint8_t)kind, 0, 0, p});
    return 0;
}

/* ---------------------------------------------------------------- marks */

typedef struct Mark {
    AMark a;
    unsigned long stores;
    uint32_t extn;
} Mark;

static Mark mark(St *st) { return (Mark){mpc_ir_mark(&st->ir), st->memo ? st->memo->stores : 0, st->extn}; }

/* Frees what a failed attempt built, unless the memo table may point into it. */
static void release(St *st, Mark m)
{
    if (st->memo && st->memo->stores != m.stores) return;
    val_free_ext(st, m.extn);
    mpc_ir_release(&st->ir, m.a);
}

/* 1 if p surely fails at the current position without consuming (so need not run). */
static inline int cannot_start(const St *st, const mpc_parser_t *p)
{
    return !p->fs.nullable && !fs_has(&p->fs, st->in[st->pos]) && !st->pred;
}

static inline void skip_ws(St *st)
{
    while (st->pos < st->len) {
        unsigned char c = st->in[st->pos];
        if (c != ' ' && (c < '\t' || c > '\r')) break;
        st->pos++;
    }
}

/* ---------------------------------------------------------------- tokens */

NOINLINE static int run_char(St *st, const mpc_parser_t *p)
{
    st->steps++;
    if (st->pos >= st->len || st->in[st->pos] != p->d.chr.c) return fail_with(st, EK_NODE, p);
    st->out = val_leaf(st, V_LEAF, B_CHAR, st->pos, 1);
    st->pos++;
    if (p->flags & NF_WS) skip_ws(st);
    return 1;
}

NOINLINE static int run_string(St *st, const mpc_parser_t *p)
{
    uint32_t n = p->d.str.len, i = 0;
    st->steps++;
    if (n > st->len - st->pos) {
        while (st->pos + i < st->len && st->in[st->pos + i] == (unsigned char)p->d.str.s[i]) i++;
    } else if (memcmp(st->in + st->pos, p->d.str.s, n) == 0) {
        st->out = val_leaf(st, V_LEAF, B_STRING, st->pos, n);
        st->pos += n;
        if (p->flags & NF_WS) skip_ws(st);
        return 1;
    } else {
        while (st->in[st->pos + i] == (unsigned char)p->d.str.s[i]) i++;
    }
    if (st->pred) st->pos += i; /* predictive: what matched stays consumed */
    return fail_with(st, EK_NODE, p);
}

NOINLINE static int run_regex(St *st, const mpc_parser_t *p, int kind)
{
    uint32_t start = st->pos;
    st->steps++;
    if (!re_run(st, p->d.re.re)) return 0;
    st->out = val_leaf(st, kind, B_REGEX, start, st->pos - start);
    if (p->flags & NF_WS) skip_ws(st);
    return 1;
}

/* ---------------------------------------------------------------- combinators */

NOINLINE static int run_seq(St *st, const mpc_parser_t *p)
{
    uint32_t pos0 = st->pos, vb = st->vn;
    int term0 = st->term;
    Mark m = mark(st);
    for (int i = 0; i < p->d.list.n; i++) {
        if (!eng_run(st, p->d.list.xs[i])) {
            if (!st->pred) {
                st->pos = pos0;
                st->term = term0;
            }
            st->vn = vb;
            release(st, m);
            return 0;
        }
        if (st->out) vs_push(st, st->out);
    }
    st->out = val_fold(st, (uint32_t)p->d.list.n, vb);
    return 1;
}

static void lazy(St *st, const mpc_parser_t *x)
{
    if (!st->suppress) err_record(st, st->pos, (Ent){EK_LAZY, (uint32_t)st->term, 0, x});
}

NOINLINE static int run_alt(St *st, const mpc_parser_t *p)
{
    for (int i = 0; i < p->d.list.n; i++) {
        const mpc_parser_t *x = p->d.list.xs[i];
        if (cannot_start(st, x)) {
            lazy(st, x);
            continue;
        }
        if (eng_run(st, x)) return 1;
        err_merge(st);
        if (st->abort) break;
    }
    st->ppos = -1;
    return 0;
}

NOINLINE static int run_opt(St *st, const mpc_parser_t *p)
{
    const mpc_parser_t *x = p->d.one.x;
    if (cannot_start(st, x)) {
        lazy(st, x);
    } else if (eng_run(st, x)) {
        return 1;
    } else {
        err_merge(st);
    }
    st->out = NULL;
    return 1;
}

/* Runs x again and again after `k` matches already on the value stack from vb; stops at the
 * first failure (merged) or at an iteration that consumed nothing (it would repeat forever). */
static void repeat(St *st, const mpc_parser_t *x, uint32_t k, uint32_t vb)
{
    for (;;) {
        if (cannot_start(st, x)) {
            lazy(st, x);
            break;
        }
        uint32_t pos0 = st->pos;
        int term0 = st->term;
        if (!eng_run(st, x)) {
            err_merge(st);
            break;
        }
        k++;
        if (st->out) vs_push(st, st->out);
        if ((st->pos == pos0 && st->term == term0) || st->abort) break;
    }
    st->out = val_fold(st, k, vb);
}

NOINLINE static int run_many(St *st, const mpc_parser_t *p)
{
    repeat(st, p->d.one.x, 0, st->vn);
    return 1;
}

NOINLINE static int run_many1(St *st, const mpc_parser_t *p)
{
    uint32_t vb = st->vn, pos0 = st->pos;
    int term0 = st->term;
    if (!eng_run(st, p->d.one.x)) {
        err_wrap(st, EK_MANY1, 0);
        return 0;
    }
    if (st->out) vs_push(st, st->out);
    if (st->pos == pos0 && st->term == term0) st->out = val_fold(st, 1, vb);
    else repeat(st, p->d.one.x, 1, vb);
    return 1;
}

NOINLINE static int run_count(St *st, const mpc_parser_t *p)
{
    uint32_t pos0 = st->pos, vb = st->vn, n = (uint32_t)p->d.one.n;
    int term0 = st->term;
    Mark m = mark(st);
    for (uint32_t i = 0; i < n; i++) {
        uint32_t q = st->pos;
        int t = st->term;
        if (!eng_run(st, p->d.one.x)) {
            if (!st->pred) {
                st->pos = pos0;
                st->term = term0;
            }
            st->vn = vb;
            release(st, m);
            err_wrap(st, EK_COUNT, n);
            return 0;
        }
        if (st->out) vs_push(st, st->out);
        if (st->pos == q && st->term == t) { /* the rest would repeat this match exactly */
            for (uint32_t j = i + 1; j < n && st->out; j++) vs_push(st, st->out);
            break;
        }
    }
    st->out = val_fold(st, n, vb);
    return 1;
}

static int trip(St *st, int why);

/* The regex a `!` over x can run bare: x's, or that of the rule x refers to if its body is
 * one regex (`<kw>!`), else NULL. */
static inline const ReNode *bare_regex(const mpc_parser_t *x)
{
    if (x->type == N_REF) {
        x = x->d.ref.target;
        if (x->type == N_RULE) x = x->d.rule.body;
    }
    return x->type == N_REGEX || x->type == N_RE ? x->d.re.re : NULL;
}

NOINLINE static int run_not(St *st, const mpc_parser_t *p)
{
    const mpc_parser_t *x = p->d.one.x;
    const ReNode *re = cannot_start(st, x) ? NULL : bare_regex(x);
    if (re) { /* as below, without the values and rule bookkeeping a regex does not need */
        if (x->type == N_REF && (st->abort || st->depth >= MPC_MAX_DEPTH)) return trip(st, 1);
        uint32_t pos0 = st->pos;
        int term0 = st->term;
        st->steps += 2;
        st->suppress++;
        int ok = re_run(st, re);
        st->suppress--;
        st->pos = pos0;
        st->term = term0;
        if (ok) return fail_with(st, EK_TEXT, "opposite");
        st->out = NULL;
        return 1;
    }
    if (!cannot_start(st, x)) {
        uint32_t pos0 = st->pos, vb = st->vn;
        int term0 = st->term;
        Mark m = mark(st);
        st->suppress++;
        int ok = eng_run(st, x);
        st->suppress--;
        st->pos = pos0;
        st->term = term0;
        st->vn = vb;
        release(st, m);
        if (ok) return fail_with(st, EK_TEXT, "opposite");
    }
    st->out = NULL;
    return 1;
}

NOINLINE static int run_expect(St *st, const mpc_parser_t *p)
{
    const mpc_parser_t *x = p->d.one.x;
    if (cannot_start(st, x)) return fail_with(st, EK_NODE, p);
    st->suppress++;
    int ok = eng_run(st, x);
    st->suppress--;
    if (!ok) return fail_with(st, EK_NODE, p);
    return 1;
}

NOINLINE static int run_apply(St *st, const mpc_parser_t *p)
{
    Mark m = mark(st);
    if (!eng_run(st, p->d.apply.x)) return 0;
    if (p->d.apply.f == (void (*)(void))mpcf_free && st->out && st->out->kind == V_STR) {
        release(st, m); /* the text would be copied only to be freed */
        st->out = NULL;
        return 1;
    }
    void *v = val_to_generic(st, st->out);
    if (p->type == N_APPLY) v = ((mpc_apply_t)p->d.apply.f)(v);
    else v = ((mpc_apply_to_t)p->d.apply.f)(v, p->d.apply.d);
    st->out = val_any(st, v);
    return 1;
}

/* ---------------------------------------------------------------- memo */

/* Slots follow the input position, so the entries a parse makes and looks up, which move
 * forward with it, share cache lines; a little of the rule's address separates rules. */
static uint32_t memo_hash(const mpc_parser_t *r, uint32_t pos)
{
    return pos * 4u + (uint32_t)(((uintptr_t)r >> 5) & 3);
}

static MEnt *memo_find(St *st, const mpc_parser_t *r, uint32_t pos)
{
    Memo *m = st->memo;
    uint32_t b = pos - st->base;
    if (!m || (b >> 3) >= m->nbits || !((m->bits[b >> 3] >> (b & 7)) & 1)) return NULL;
    for (uint32_t i = memo_hash(r, pos) & (m->cap - 1);; i = (i + 1) & (m->cap - 1)) {
        MEnt *e = &m->tab[i];
        if (!e->rule) return NULL;
        if (e->rule == r && e->pos == pos) return e;
    }
}

static void memo_grow(St *st)
{
    Memo *m = st->memo;
    if (!m) {
        m = st->memo = xmalloc(sizeof *m);
        memset(m, 0, sizeof *m);
    }
    MEnt *old = m->tab;
    uint32_t oldcap = m->cap;
    m->cap = m->cap ? m->cap * 2 : 256;
    m->tab = xmalloc(sizeof *m->tab * m->cap);
    memset(m->tab, 0, sizeof *m->tab * m->cap);
    for (uint32_t j = 0; j < oldcap; j++) {
        if (!old[j].rule) continue;
        uint32_t i = memo_hash(old[j].rule, old[j].pos) & (m->cap - 1);
        while (m->tab[i].rule) i = (i + 1) & (m->cap - 1);
        m->tab[i] = old[j];
    }
    free(old);
}

static MEnt *memo_slot(St *st, const mpc_parser_t *r, uint32_t pos)
{
    if (!st->memo || st->memo->n * 4 >= st->memo->cap * 3) memo_grow(st);
    Memo *m = st->memo;
    uint32_t i = memo_hash(r, pos) & (m->cap - 1);
    while (m->tab[i].rule && !(m->tab[i].rule == r && m->tab[i].pos == pos)) i = (i + 1) & (m->cap - 1);
    if (!m->tab[i].rule) m->n++;
    uint32_t b = pos - st->base;
    if ((b >> 3) >= m->nbits) {
        uint32_t n = m->nbits * 2 > (b >> 3) + 1 ? m->nbits * 2 : (b >> 3) + 64;
        m->bits = xrealloc(m->bits, n);
        memset(m->bits + m->nbits, 0, n - m->nbits);
        m->nbits = n;
    }
    m->bits[b >> 3] |= (uint8_t)(1u << (b & 7));
    return &m->tab[i];
}

static void memo_store(St *st, const mpc_parser_t *r, uint32_t pos, int term0, int ok)
{
    MEnt *e = memo_slot(st, r, pos);
    e->rule = r;
    e->pos = pos;
    e->end = st->pos;
    e->ok = (uint8_t)ok;
    e->term_in = (uint8_t)term0;
    e->term_out = (uint8_t)st->term;
    e->recorded = !st->suppress;
    e->val = ok ? st->out : NULL;
    if (e->val) {
        e->val->shared = 1;
        st->memo->stores++;
    }
    e->ppos1 = ok || st->suppress || st->ppos < 0 ? 0 : (uint32_t)st->ppos + 1;
    e->pe = st->pe;
}

/* Replays a remembered invocation. 0 if there is none usable here. */
static int memo_replay(St *st, const MEnt *e, int *ok)
{
    if (e->term_in != st->term || (!e->recorded && !st->suppress)) return 0;
    st->pos = e->end;
    st->term = e->term_out;
    *ok = e->ok;
    if (e->ok) st->out = e->val;
    else if (!st->suppress) err_set_at(st, (long)e->ppos1 - 1, e->pe);
    return 1;
}

/* ---------------------------------------------------------------- rule references */

static int trip(St *st, int why)
{
    if (!st->abort) {
        st->abort = why;
        st->abort_pos = st->pos;
    }
    st->ppos = -1;
    return 0;
}

/* 1 if rule t at st->pos is already being invoked (in st->act[0, top)) at that same position
 * in the same state:
 * a left recursion that consumed nothing, which would recurse until the depth limit (a PEG
 * run is deterministic, so the inner invocation repeats the outer one forever). Start
 * positions never decrease up the stack, so only the top run at st->pos needs a look. */
static int left_recursive(const St *st, const mpc_parser_t *t, uint32_t top)
{
    for (long d = (long)top - 1; d >= 0 && st->act[d].pos == st->pos; d--) {
        const Active *a = &st->act[d];
        if (a->rule == t && a->term == st->term && (a->pred > 0) == (st->pred > 0)) return 1;
    }
    return 0;
}

/* Past depth LR_FROM (real grammars on real input rarely get there), records each
 * invocation and, every LR_EVERY levels, fails a left recursion at once with the depth error
 * it would reach anyway, instead of after MPC_MAX_DEPTH levels. An endless left recursion
 * stays at one position, so the records past LR_FROM soon repeat. */
#define LR_FROM 512
#define LR_EVERY 64
static int enter(St *st, const mpc_parser_t *t)
{
    uint32_t d = (uint32_t)(st->depth++ - LR_FROM);
    if (st->depth <= LR_FROM) return 1;
    if (d == st->actcap) {
        st->actcap = st->actcap ? st->actcap * 2 : 256;
        st->act = xrealloc(st->act, sizeof *st->act * st->actcap);
    }
    if (d % LR_EVERY == LR_EVERY - 1 && left_recursive(st, t, d)) {
        st->depth--;
        return 0;
    }
    st->act[d] = (Active){t, st->pos, st->term, st->pred};
    return 1;
}

/* The regex of a rule whose output vanishes and whose own errors are hidden, as
 * mpc_expect(mpc_apply(mpc_re(...), mpcf_free), "...") (whitespace rules are written so),
 * else NULL. Such a rule is a third of all rule invocations: it runs as a bare regex. */
static inline const ReNode *vanishing(const mpc_parser_t *body)
{
    if (body->type != N_EXPECT) return NULL;
    const mpc_parser_t *x = body->d.one.x;
    if (x->type != N_APPLY || x->d.apply.f != (void (*)(void))mpcf_free) return NULL;
    x = x->d.apply.x;
    return x->type == N_RE && !(x->flags & NF_WS) ? x->d.re.re : NULL;
}

/* run_ref of a vanishing rule: what the general path does (expect, apply, regex, drop the
 * text), without building and releasing the text's value. */
static int run_vanishing(St *st, const mpc_parser_t *body, const ReNode *re)
{
    if (st->depth >= MPC_MAX_DEPTH) return trip(st, 1);
    st->steps += 2;
    st->suppress++;
    int ok = re_run(st, re);
    st->suppress--;
    if (!ok) return fail_with(st, EK_NODE, body);
    st->out = NULL;
    return 1;
}

NOINLINE static int run_ref(St *st, const mpc_parser_t *p)
{
    const mpc_parser_t *t = p->d.ref.target;
    uint32_t start = st->pos;
    int term0 = st->term, ok;
    if (st->abort) return 0;
    if (st->suppress && cannot_start(st, t)) return 0;
    const mpc_parser_t *body = t->type == N_RULE ? t->d.rule.body : t;
    const ReNode *re = vanishing(body);
    if (re) return run_vanishing(st, body, re);
    MEnt *e = st->pred ? NULL : memo_find(st, t, start);
    if (e && memo_replay(st, e, &ok)) return ok;
    if (st->depth >= MPC_MAX_DEPTH) return trip(st, 1);
    if ((char *)__builtin_frame_address(0) < st->stack_limit) return trip(st, 2);
    if (!enter(st, t)) return trip(st, 1);
    unsigned long steps0 = ++st->steps, excl0 = st->excl;
    ok = eng_run(st, body);
    st->depth--;
    if (st->abort) return 0;
    if (ok) st->out = val_ref(st, val_to_ir(st, st->out), t->name, start);
    unsigned long all = st->steps - steps0;
    if (!st->pred && all - (st->excl - excl0) >= MEMO_MIN_WORK) {
        memo_store(st, t, start, term0, ok);
        st->excl = excl0 + all;
    }
    return ok;
}

/* ---------------------------------------------------------------- dispatch */

int eng_run(St *st, const mpc_parser_t *p)
{
    switch (p->type) {
    case N_CHAR: return run_char(st, p);
    case N_STRING: return run_string(st, p);
    case N_REGEX: return run_regex(st, p, V_LEAF);
    case N_RE: return run_regex(st, p, V_STR);
    case N_REF: return run_ref(st, p);
    case N_SEQ: return run_seq(st, p);
    case N_ALT: return run_alt(st, p);
    case N_OPT: return run_opt(st, p);
    case N_MANY: return run_many(st, p);
    case N_MANY1: return run_many1(st, p);
    case N_COUNT: return run_count(st, p);
    case N_NOT: return run_not(st, p);
    case N_EXPECT: return run_expect(st, p);
    case N_APPLY: case N_APPLY_TO: return run_apply(st, p);
    case N_PRED: {
        st->pred++;
        int ok = eng_run(st, p->d.one.x);
        st->pred--;
        return ok;
    }
    case N_RULE:
        if ((char *)__builtin_frame_address(0) < st->stack_limit) return trip(st, 2);
        return eng_run(st, p->d.rule.body);
    case N_FAIL: return fail_with(st, EK_FAIL, p->d.fail.msg);
    default: return fail_with(st, EK_FAIL, "Parser Undefined!");
    }
}
