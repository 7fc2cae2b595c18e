/* mpc_regex.c: compiles mpc's regex dialect (mpc-api.md §2.8) into a tree of ReNodes and
 * describes regex nodes for error messages. Matching lives in mpc_rerun.c.
 * Invariants: every node's first set is computed here, bottom-up, and never changes; a regex
 * nests at most RE_MAX_NEST groups, so matching and freeing recurse a bounded amount. */
#include <limits.h>

#include "mpc_int.h"

#define RE_MAX_NEST 256
#define RE_MAX_COUNT 1000000

typedef struct Rc {
    const unsigned char *s;
    size_t i;
    int mode;
    int nest;
    char *err;
} Rc;

static const char DIGITS[] = "0123456789";
static const char SPACES[] = " \f\n\r\t\v";
static const char WORDS[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_";

static ReNode *alt(Rc *c);

static ReNode *rnew(int type, int mode)
{
    ReNode *r = xmalloc(sizeof *r);
    memset(r, 0, sizeof *r);
    r->type = (uint8_t)type;
    r->flags = (uint8_t)mode;
    return r;
}

void re_free(ReNode *r)
{
    if (!r) return;
    switch (r->type) {
    case R_SEQ:
    case R_ALT:
        for (int i = 0; i < r->n; i++) re_free(r->u.kids[i]);
        free(r->u.kids);
        break;
    case R_STAR: case R_PLUS: case R_OPT: case R_COUNT:
        re_free(r->u.x);
        break;
    case R_CLASS: case R_NCLASS:
        free(r->u.cls->list);
        free(r->u.cls);
        break;
    case R_LITS:
        free(r->u.lits);
        break;
    default:
        break;
    }
    free(r);
}

/* Records the first compile error: "<mpc_re_compiler>:1:COL: error: expected WHAT at GOT". */
static void fail(Rc *c, const char *what)
{
    if (c->err) return;
    char got[32];
    unsigned char ch = c->s[c->i];
    if (ch == 0) snprintf(got, sizeof got, "end of input");
    else snprintf(got, sizeof got, "'%c'", ch);
    size_t n = strlen(what) + 96;
    c->err = xmalloc(n);
    snprintf(c->err, n, "<mpc_re_compiler>:1:%zu: error: expected %s at %s\n", c->i + 1, what, got);
}

/* ---------------------------------------------------------------- character classes */

typedef struct CBuf {
    char *p;
    size_t n, cap;
} CBuf;

static void cb_add(CBuf *b, ReClass *k, unsigned char ch)
{
    if (b->n + 2 > b->cap) {
        b->cap = b->cap ? b->cap * 2 : 64;
        b->p = xrealloc(b->p, b->cap);
    }
    b->p[b->n++] = (char)ch;
    b->p[b->n] = 0;
    k->bits[ch >> 3] |= (uint8_t)(1u << (ch & 7));
}

static void cb_adds(CBuf *b, ReClass *k, const char *set)
{
    for (; *set; set++) cb_add(b, k, (unsigned char)*set);
}

/* Decodes the escape at c->s[c->i] (just after a backslash) inside a class: returns the byte,
 * or -1 after adding a whole set (\d \s \w). */
static int class_escape(Rc *c, CBuf *b, ReClass *k)
{
    unsigned char e = c->s[c->i++];
    switch (e) {
    case 'a': return '\a';
    case 'f': return '\f';
    case 'n': return '\n';
    case 'r': return '\r';
    case 't': return '\t';
    case 'v': return '\v';
    case 'b': return '\b';
    case 'd': cb_adds(b, k, DIGITS); return -1;
    case 's': cb_adds(b, k, SPACES); return -1;
    case 'w': cb_adds(b, k, WORDS); return -1;
    default: return e;
    }
}

/* Reads one class item (a byte, an escape or a range) and adds it. 0 at a bad end. */
static int class_item(Rc *c, CBuf *b, ReClass *k)
{
    int lo;
    if (c->s[c->i] == 0) return fail(c, "\"]\""), 0;
    if (c->s[c->i] == '\\') {
        c->i++;
        if (c->s[c->i] == 0) return fail(c, "any character"), 0;
        if ((lo = class_escape(c, b, k)) < 0) return 1;
    } else {
        lo = c->s[c->i++];
    }
    if (c->s[c->i] != '-' || c->s[c->i + 1] == ']' || c->s[c->i + 1] == 0) {
        cb_add(b, k, (unsigned char)lo);
        return 1;
    }
    c->i++;
    int hi = c->s[c->i++];
    if (hi == '\\') {
        if (c->s[c->i] == 0) return fail(c, "any character"), 0;
        if ((hi = class_escape(c, b, k)) < 0) { /* "a-\d": the '-' is literal */
            cb_add(b, k, (unsigned char)lo);
            cb_add(b, k, '-');
            return 1;
        }
    }
    for (int ch = lo; ch <= hi; ch++) cb_add(b, k, (unsigned char)ch);
    return 1;
}

/* Parses "[...]" with c->i just after '['. An empty class gives a node that always fails
 * with "Invalid Regex Range Expression", as upstream does. */
static ReNode *klass(Rc *c)
{
    ReClass *k = xmalloc(sizeof *k);
    memset(k, 0, sizeof *k);
    CBuf b = {0};
    if (c->s[c->i] == '^') { k->neg = 1; c->i++; }
    while (c->s[c->i] != ']') {
        if (!class_item(c, &b, k)) { free(b.p); free(k); return NULL; }
    }
    c->i++;
    if (b.n == 0) {
        free(k);
        ReNode *r = rnew(R_FAIL, c->mode);
        r->u.msg = "Invalid Regex Range Expression";
        return r;
    }
    k->list = b.p;
    ReNode *r = rnew(R_CLASS, c->mode);
    r->u.cls = k;
    return r;
}

static ReNode *named(Rc *c, int type, int letter, const char *set)
{
    ReClass *k = xmalloc(sizeof *k);
    memset(k, 0, sizeof *k);
    CBuf b = {0};
    cb_adds(&b, k, set);
    k->list = b.p;
    k->named = (uint8_t)letter;
    ReNode *r = rnew(type, c->mode);
    r->u.cls = k;
    return r;
}

static ReNode *chr(Rc *c, int ch)
{
    ReNode *r = rnew(R_CHAR, c->mode);
    r->n = ch;
    return r;
}

/* ---------------------------------------------------------------- atoms and repetition */

static ReNode *escape(Rc *c)
{
    unsigned char e = c->s[c->i];
    if (e == 0) return fail(c, "any character"), NULL;
    c->i++;
    switch (e) {
    case 'a': return chr(c, '\a');
    case 'f': return chr(c, '\f');
    case 'n': return chr(c, '\n');
    case 'r': return chr(c, '\r');
    case 't': return chr(c, '\t');
    case 'v': return chr(c, '\v');
    case 'd': return named(c, R_CLASS, 'd', DIGITS);
    case 'D': return named(c, R_NCLASS, 'd', DIGITS);
    case 's': return named(c, R_CLASS, 's', SPACES);
    case 'S': return named(c, R_NCLASS, 's', SPACES);
    case 'w': return named(c, R_CLASS, 'w', WORDS);
    case 'W': return named(c, R_NCLASS, 'w', WORDS);
    case 'b': return rnew(R_WORDB, c->mode);
    case 'B': return rnew(R_NWORDB, c->mode);
    case 'A': return rnew(R_BOI, c->mode);
    case 'Z': return rnew(R_EOI, c->mode);
    default: return chr(c, e);
    }
}

static ReNode *group(Rc *c)
{
    if (++c->nest > RE_MAX_NEST) return fail(c, "less nesting"), NULL;
    ReNode *r = alt(c);
    c->nest--;
    if (!r) return NULL;
    if (c->s[c->i] != ')') {
        fail(c, "\")\"");
        re_free(r);
        return NULL;
    }
    c->i++;
    return r;
}

/* One atom, or NULL (with c->err set on a real error; unset when there is no atom here).
 * A quantifier character where an atom should be is a literal, as upstream reads `(?:`. */
static ReNode *atom(Rc *c)
{
    unsigned char ch = c->s[c->i];
    switch (ch) {
    case 0: case '|': case ')':
        return NULL;
    case '(': c->i++; return group(c);
    case '[': c->i++; return klass(c);
    case '.': c->i++; return rnew(R_ANY, c->mode);
    case '^': c->i++; return rnew(R_BOL, c->mode);
    case '$': c->i++; return rnew(R_EOL, c->mode);
    case '\\': c->i++; return escape(c);
    default: c->i++; return chr(c, ch);
    }
}

/* Parses "{n}" with c->i at '{'. Returns n, or -1 on error. */
static long count(Rc *c)
{
    long n = 0;
    c->i++;
    if (!isdigit(c->s[c->i])) return fail(c, "digit"), -1;
    while (isdigit(c->s[c->i])) {
        n = n * 10 + (c->s[c->i++] - '0');
        if (n > RE_MAX_COUNT) return fail(c, "a count of at most 1000000"), -1;
    }
    if (c->s[c->i] != '}') return fail(c, "\"}\""), -1;
    c->i++;
    return n;
}

static ReNode *quantified(Rc *c, ReNode *a)
{
    int type;
    long n = 0;
    switch (c->s[c->i]) {
    case '*': type = R_STAR; c->i++; break;
    case '+': type = R_PLUS; c->i++; break;
    case '?': type = R_OPT; c->i++; break;
    case '{':
        type = R_COUNT;
        if ((n = count(c)) < 0) { re_free(a); return NULL; }
        break;
    default: return a;
    }
    ReNode *r = rnew(type, c->mode);
    r->u.x = a;
    r->n = (int)n;
    return r;
}

/* ---------------------------------------------------------------- sequences and choice */

typedef struct RList {
    ReNode **p;
    int n, cap;
} RList;

static void rl_push(RList *l, ReNode *r)
{
    if (l->n == l->cap) {
        l->cap = l->cap ? l->cap * 2 : 4;
        l->p = xrealloc(l->p, sizeof *l->p * (size_t)l->cap);
    }
    l->p[l->n++] = r;
}

static ReNode *rl_finish(Rc *c, RList *l, int type)
{
    if (l->n == 1 && type == R_ALT) {
        ReNode *r = l->p[0];
        free(l->p);
        return r;
    }
    ReNode *r = rnew(type, c->mode);
    r->u.kids = l->p;
    r->n = l->n;
    return r;
}

static void rl_free(RList *l)
{
    for (int i = 0; i < l->n; i++) re_free(l->p[i]);
    free(l->p);
}

/* Merges a run of plain bytes into one R_LITS node (matched with one compare). */
static void push_lit(Rc *c, RList *l, ReNode *a)
{
    ReNode *last = l->n ? l->p[l->n - 1] : NULL;
    if (a->type != R_CHAR || !last || (last->type != R_CHAR && last->type != R_LITS)) {
        rl_push(l, a);
        return;
    }
    if (last->type == R_CHAR) {
        ReNode *m = rnew(R_LITS, c->mode);
        m->u.lits = xmalloc(8);
        m->u.lits[0] = (char)last->n;
        m->n = 1;
        re_free(last);
        l->p[l->n - 1] = last = m;
    }
    last->u.lits = xrealloc(last->u.lits, (size_t)last->n + 2);
    last->u.lits[last->n++] = (char)a->n;
    re_free(a);
}

static ReNode *seq(Rc *c)
{
    RList l = {0};
    for (;;) {
        ReNode *a = atom(c);
        if (!a) break;
        if (!(a = quantified(c, a))) break;
        push_lit(c, &l, a);
    }
    if (c->err) { rl_free(&l); return NULL; }
    if (l.n == 0) { free(l.p); return rnew(R_EMPTY, c->mode); }
    if (l.n == 1) { ReNode *r = l.p[0]; free(l.p); return r; }
    return rl_finish(c, &l, R_SEQ);
}

static ReNode *alt(Rc *c)
{
    RList l = {0};
    for (;;) {
        ReNode *s = seq(c);
        if (!s) { rl_free(&l); return NULL; }
        rl_push(&l, s);
        if (c->s[c->i] != '|') break;
        c->i++;
    }
    return rl_finish(c, &l, R_ALT);
}

/* ---------------------------------------------------------------- first sets */

static void first(ReNode *r)
{
    FirstSet *f = &r->fs;
    switch (r->type) {
    case R_CHAR: fs_add(f, (unsigned char)r->n); break;
    case R_LITS: fs_add(f, (unsigned char)r->u.lits[0]); break;
    case R_CLASS: case R_NCLASS: {
        uint8_t flip = r->type == R_NCLASS || r->u.cls->neg ? 0xff : 0;
        for (int i = 0; i < 32; i++) f->bits[i] = r->u.cls->bits[i] ^ flip;
        f->bits[0] &= 0xfe;
        break;
    }
    case R_ANY:
        fs_all(f);
        f->nullable = 0;
        if (!(r->flags & MPC_RE_DOTALL)) f->bits['\n' >> 3] &= (uint8_t)~(1u << ('\n' & 7));
        break;
    case R_EOL: f->nullable = 1; fs_add(f, '\n'); break;
    case R_FAIL: fs_all(f); break;
    case R_SEQ:
        f->nullable = 1;
        for (int i = 0; i < r->n && f->nullable; i++) {
            fs_union(f, &r->u.kids[i]->fs);
            f->nullable = r->u.kids[i]->fs.nullable;
        }
        break;
    case R_ALT:
        for (int i = 0; i < r->n; i++) {
            fs_union(f, &r->u.kids[i]->fs);
            f->nullable |= r->u.kids[i]->fs.nullable;
        }
        break;
    case R_STAR: case R_OPT: case R_PLUS: case R_COUNT:
        fs_union(f, &r->u.x->fs);
        f->nullable = (r->type == R_STAR || r->type == R_OPT || (r->type == R_COUNT && r->n == 0))
                          ? 1 : r->u.x->fs.nullable;
        break;
    default: f->nullable = 1; break; /* zero-width assertions and R_EMPTY */
    }
}

static void first_all(ReNode *r)
{
    switch (r->type) {
    case R_SEQ: case R_ALT:
        for (int i = 0; i < r->n; i++) first_all(r->u.kids[i]);
        break;
    case R_STAR: case R_PLUS: case R_OPT: case R_COUNT:
        first_all(r->u.x);
        break;
    default: break;
    }
    first(r);
}

ReNode *re_compile(const char *re, int mode, char **err)
{
    Rc c = {(const unsigned char *)re, 0, mode, 0, NULL};
    ReNode *r = alt(&c);
    if (r && c.s[c.i] != 0) fail(&c, "end of input");
    if (c.err) {
        re_free(r);
        *err = c.err;
        return NULL;
    }
    first_all(r);
    *err = NULL;
    return r;
}

/* ---------------------------------------------------------------- descriptions */

static char *quoted_list(const char *prefix, const char *list)
{
    size_t n = strlen(prefix) + strlen(list) + 4;
    char *s = xmalloc(n);
    snprintf(s, n, "%s'%s'", prefix, list);
    return s;
}

/* The expectation text of a failed regex node (mpc-api.md §4.3). Heap string. */
char *re_describe(const ReNode *r)
{
    static const char *const named[] = {['d'] = "digit", ['s'] = "whitespace", ['w'] = "alphanumeric"};
    switch (r->type) {
    case R_CHAR: {
        char s[4] = {'\'', (char)r->n, '\'', 0};
        return xstrdup(s);
    }
    case R_CLASS:
        if (r->u.cls->named) return xstrdup(named[r->u.cls->named]);
        return quoted_list(r->u.cls->neg ? "none of " : "one of ", r->u.cls->list);
    case R_NCLASS: case R_NWORDB: return xstrdup("opposite");
    case R_ANY:
        return xstrdup(r->flags & MPC_RE_DOTALL ? "any character" : "any character except a newline");
    case R_BOL: case R_BOI: return xstrdup("start of input");
    case R_EOI: return xstrdup("end of input");
    case R_WORDB: return xstrdup("word boundary");
    case R_FAIL: return xstrdup(r->u.msg);
    default: return xstrdup("regex");
    }
}
