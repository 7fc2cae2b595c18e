/* mpc_rerun.c: matches a compiled regex (mpc_regex.c) at the current position with PEG
 * semantics and upstream's error bookkeeping: a failing byte test leaves a pending entry,
 * alternation, `?` and `*` merge them, sequences rewind to their start. Zero-width loops stop
 * after an iteration that consumed nothing. Recursion is bounded by the regex's nesting. */
#include "mpc_int.h"

static inline int in_class(const ReClass *k, unsigned c) { return (k->bits[c >> 3] >> (c & 7)) & 1; }

static inline int is_word(unsigned c) { return isalnum((int)c) || c == '_'; }

/* 1 if the single-byte node r matches byte c (c is never the terminating NUL here). */
static inline int byte_ok(const ReNode *r, unsigned c)
{
    switch (r->type) {
    case R_CHAR: return c == (unsigned)(unsigned char)r->n;
    case R_CLASS: return in_class(r->u.cls, c) != r->u.cls->neg;
    case R_NCLASS: return !in_class(r->u.cls, c);
    default: return c != '\n' || (r->flags & MPC_RE_DOTALL); /* R_ANY */
    }
}

static int fail(St *st, int kind, const void *p, uint32_t n)
{
    err_set(st, (Ent){(uint8_t)kind, n, 0, p});
    return 0;
}

/* A failed byte test at st->pos: its entry (R_NCLASS says "any character" at the end). */
static int byte_fail(St *st, const ReNode *r)
{
    if (r->type == R_CHAR) return fail(st, EK_CHAR, NULL, (uint32_t)(unsigned char)r->n);
    if (r->type == R_NCLASS && st->pos >= st->len) return fail(st, EK_TEXT, "any character", 0);
    return fail(st, EK_RE, r, 0);
}

static inline int is_byte(const ReNode *r)
{
    return r->type == R_CHAR || r->type == R_CLASS || r->type == R_NCLASS || r->type == R_ANY;
}

static int run_lits(St *st, const ReNode *r)
{
    uint32_t i = 0, n = (uint32_t)r->n;
    const unsigned char *s = (const unsigned char *)r->u.lits;
    while (i < n && st->pos + i < st->len && st->in[st->pos + i] == s[i]) i++;
    if (i == n) {
        st->pos += n;
        return 1;
    }
    err_set_at(st, st->pos + i, (Ent){EK_CHAR, s[i], 0, NULL});
    if (st->pred) st->pos += i;
    return 0;
}

/* $: an optional '\n' then the end of input (MULTILINE: a '\n' or the end of input). */
static int run_eol(St *st, const ReNode *r)
{
    uint32_t pos0 = st->pos;
    if (st->pos < st->len && st->in[st->pos] == '\n') {
        st->pos++;
        if (r->flags & MPC_RE_MULTILINE) return 1;
    } else if (!st->suppress) {
        err_record(st, st->pos, (Ent){EK_TEXT, 0, 0, "newline"});
    }
    if (st->pos == st->len && !st->term) {
        st->term = 1;
        return 1;
    }
    fail(st, EK_TEXT, "end of input", 0);
    if (r->flags & MPC_RE_MULTILINE) {
        err_merge(st);
        st->ppos = -1;
    }
    if (!st->pred) st->pos = pos0;
    return 0;
}

static int run_assert(St *st, const ReNode *r)
{
    uint32_t p = st->pos;
    int ok;
    switch (r->type) {
    case R_BOL: ok = p == 0 || ((r->flags & MPC_RE_MULTILINE) && st->in[p - 1] == '\n'); break;
    case R_BOI: ok = p == 0; break;
    case R_EOI:
        ok = p == st->len && !st->term;
        if (ok) st->term = 1;
        break;
    default: {
        int before = p > 0 && is_word(st->in[p - 1]), after = p < st->len && is_word(st->in[p]);
        ok = (before != after) == (r->type == R_WORDB);
    }
    }
    return ok ? 1 : fail(st, EK_RE, r, 0);
}

static int run_seq(St *st, const ReNode *r)
{
    uint32_t pos0 = st->pos;
    int term0 = st->term;
    for (int i = 0; i < r->n; i++) {
        if (!re_run(st, r->u.kids[i])) {
            if (!st->pred) {
                st->pos = pos0;
                st->term = term0;
            }
            return 0;
        }
    }
    return 1;
}

static inline int cannot_start(const St *st, const ReNode *r)
{
    return !r->fs.nullable && !fs_has(&r->fs, st->in[st->pos]) && !st->pred;
}

static void lazy(St *st, const ReNode *r)
{
    if (!st->suppress) err_record(st, st->pos, (Ent){EK_LAZYRE, (uint32_t)st->term, 0, r});
}

static int run_alt(St *st, const ReNode *r)
{
    for (int i = 0; i < r->n; i++) {
        const ReNode *x = r->u.kids[i];
        if (cannot_start(st, x)) {
            lazy(st, x);
            continue;
        }
        if (re_run(st, x)) return 1;
        err_merge(st);
    }
    st->ppos = -1;
    return 0;
}

/* Repeats x after `done` matches until it fails (merged) or stops making progress. */
static void repeat(St *st, const ReNode *x)
{
    if (is_byte(x)) { /* the common case, [a-z]* and friends: one tight loop */
        while (st->pos < st->len && byte_ok(x, st->in[st->pos])) st->pos++;
        if (!st->suppress && (long)st->pos >= st->emax) {
            byte_fail(st, x);
            err_merge(st);
        }
        return;
    }
    for (;;) {
        if (cannot_start(st, x)) {
            lazy(st, x);
            return;
        }
        uint32_t pos0 = st->pos;
        int term0 = st->term;
        if (!re_run(st, x)) {
            err_merge(st);
            return;
        }
        if (st->pos == pos0 && st->term == term0) return;
    }
}

static int run_count(St *st, const ReNode *r)
{
    uint32_t pos0 = st->pos;
    int term0 = st->term;
    for (int i = 0; i < r->n; i++) {
        uint32_t q = st->pos;
        int t = st->term;
        if (!re_run(st, r->u.x)) {
            if (!st->pred) {
                st->pos = pos0;
                st->term = term0;
            }
            err_wrap(st, EK_COUNT, (uint32_t)r->n);
            return 0;
        }
        if (st->pos == q && st->term == t) break; /* the rest would match the same nothing */
    }
    return 1;
}

int re_run(St *st, const ReNode *r)
{
    switch (r->type) {
    case R_CHAR: case R_CLASS: case R_NCLASS: case R_ANY:
        if (st->pos < st->len && byte_ok(r, st->in[st->pos])) {
            st->pos++;
            return 1;
        }
        return byte_fail(st, r);
    case R_LITS: return run_lits(st, r);
    case R_EOL: return run_eol(st, r);
    case R_BOL: case R_BOI: case R_EOI: case R_WORDB: case R_NWORDB: return run_assert(st, r);
    case R_FAIL: return fail(st, EK_FAIL, r->u.msg, 0);
    case R_SEQ: return run_seq(st, r);
    case R_ALT: return run_alt(st, r);
    case R_STAR:
        repeat(st, r->u.x);
        return 1;
    case R_PLUS:
        if (!re_run(st, r->u.x)) {
            err_wrap(st, EK_MANY1, 0);
            return 0;
        }
        repeat(st, r->u.x);
        return 1;
    case R_OPT:
        if (cannot_start(st, r->u.x)) lazy(st, r->u.x);
        else if (!re_run(st, r->u.x)) err_merge(st);
        return 1;
    case R_COUNT: return run_count(st, r);
    default: return 1; /* R_EMPTY */
    }
}
