/* mpc_lang.c: mpca_lang and friends: reads grammar text (mpc-api.md §2) and defines parsers.
 * The reader is hand-written for speed but behaves like upstream's predictive meta-grammar
 *     lang : ws stmt* ws EOI          stmt : ident string? ':' alts ';'
 *     alts : seq ('|' alts)?          seq  : factor+
 *     factor : base ('*' | '+' | '?' | '!' | '{' int '}' | nothing)
 *     base : string | char | regex [ms]* | '<' (digits | ident) '>' | '(' alts ')'
 * where every token skips trailing whitespace, nothing that consumed input is ever undone, and
 * expectations are recorded with upstream's merge rules, so the same grammars are accepted
 * (including upstream's silent cases) and errors read the same. Nothing is defined unless the
 * whole text is read without error. */
#include "mpc_int.h"

#define MAX_NEST 256
#define MAX_COUNT 1000000

typedef struct Rule {
    char *name;
    char *display;
    mpc_parser_t *body;
} Rule;

typedef struct L {
    const char *s;
    size_t n, i;
    int flags;
    mpc_parser_t **ps; /* the varargs */
    int np;
    int *names;        /* hash of the varargs' names: index + 1, 0 = empty */
    int ncap;
    int quiet;         /* record no expectations: the first, optimistic read */
    long emax;         /* furthest expectations, as in the engine */
    const char **el;
    int en, ecap;
    long ppos;         /* pending expectation */
    const char *pe;
    const char *fail;  /* a failure that ends the read */
    int nest;
    Rule *rules;
    int nr, rcap;
} L;

/* ---------------------------------------------------------------- expectations */

static void rec(L *l, long pos, const char *e)
{
    if (l->quiet || pos < l->emax) return;
    if (pos > l->emax) {
        l->emax = pos;
        l->en = 0;
    }
    if (l->en == l->ecap) {
        l->ecap = l->ecap ? l->ecap * 2 : 16;
        l->el = xrealloc(l->el, sizeof *l->el * (size_t)l->ecap);
    }
    l->el[l->en++] = e;
}

static int pend(L *l, const char *e)
{
    l->ppos = (long)l->i;
    l->pe = e;
    return 0;
}

static void merge(L *l)
{
    if (l->ppos >= 0) rec(l, l->ppos, l->pe);
    l->ppos = -1;
}

static int none(L *l)
{
    l->ppos = -1;
    return 0;
}

/* ---------------------------------------------------------------- tokens */

static int at(const L *l) { return l->i < l->n ? (unsigned char)l->s[l->i] : 0; }

static void ws(L *l)
{
    while (l->i < l->n && strchr(" \f\n\r\t\v", l->s[l->i])) l->i++;
}

static int is_alpha(int c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
static int is_digit(int c) { return c >= '0' && c <= '9'; }

/* A one-character symbol and its whitespace; desc is how it is expected. */
static int sym(L *l, char c, const char *desc)
{
    if (at(l) != c) return pend(l, desc);
    l->i++;
    ws(l);
    return 1;
}

/* [A-Za-z_][A-Za-z0-9_]* and its whitespace; *out gets a heap copy. */
static int ident(L *l, char **out)
{
    size_t start = l->i;
    int c = at(l);
    if (!is_alpha(c)) rec(l, (long)l->i, "letter");
    if (!is_alpha(c) && c != '_') {
        rec(l, (long)l->i, "underscore");
        return none(l);
    }
    l->i++;
    while (is_alpha(at(l)) || is_digit(at(l)) || at(l) == '_') l->i++;
    rec(l, (long)l->i, "alphanumeric");
    rec(l, (long)l->i, "underscore");
    *out = xstrndup(l->s + start, l->i - start);
    ws(l);
    return 1;
}

/* Text between `q` quotes (a backslash escapes the next byte). Sets *a and *b around it. */
static int quoted(L *l, char q, const char *desc, size_t *a, size_t *b)
{
    if (at(l) != q) return pend(l, desc);
    size_t j = l->i + 1;
    while (j < l->n && l->s[j] != q) j += l->s[j] == '\\' ? 2 : 1;
    if (j >= l->n) { /* unterminated: predictive, so what was read stays read */
        l->i = l->n;
        return pend(l, desc);
    }
    *a = l->i + 1;
    *b = j;
    l->i = j + 1;
    return 1;
}

static int char_lit(L *l, unsigned char *c)
{
    if (at(l) != '\'') return pend(l, "char");
    l->i++;
    size_t a = l->i, w = at(l) == '\\' ? 2 : 1;
    if (l->i + w > l->n) {
        l->i = l->n;
        return pend(l, "char");
    }
    l->i += w;
    if (at(l) != '\'') return pend(l, "char");
    l->i++;
    char *d = unescape_n(l->s + a, w);
    *c = (unsigned char)d[0];
    free(d);
    ws(l);
    return 1;
}

/* ---------------------------------------------------------------- parser names */

static unsigned hash_name(const char *s)
{
    unsigned h = 2166136261u;
    for (; *s; s++) h = (h ^ (unsigned char)*s) * 16777619u;
    return h;
}

/* Indexes the varargs by name; the first of equal names wins, as a linear scan would. */
static void names_build(L *l)
{
    for (l->ncap = 16; l->ncap < 2 * l->np; l->ncap *= 2) {}
    l->names = xmalloc(sizeof *l->names * (size_t)l->ncap);
    memset(l->names, 0, sizeof *l->names * (size_t)l->ncap);
    for (int i = 0; i < l->np; i++) {
        const char *name = l->ps[i]->name;
        if (!name) continue;
        unsigned h = hash_name(name) & (unsigned)(l->ncap - 1);
        for (; l->names[h]; h = (h + 1) & (unsigned)(l->ncap - 1))
            if (strcmp(l->ps[l->names[h] - 1]->name, name) == 0) break;
        if (!l->names[h]) l->names[h] = i + 1;
    }
}

/* The parser in the varargs called `name`, or NULL. */
static mpc_parser_t *named(const L *l, const char *name)
{
    unsigned h = hash_name(name) & (unsigned)(l->ncap - 1);
    for (; l->names[h]; h = (h + 1) & (unsigned)(l->ncap - 1))
        if (strcmp(l->ps[l->names[h] - 1]->name, name) == 0) return l->ps[l->names[h] - 1];
    return NULL;
}

/* ---------------------------------------------------------------- building nodes */

static mpc_parser_t *token(L *l, int type)
{
    mpc_parser_t *p = node_new(type);
    if (!(l->flags & MPCA_LANG_WHITESPACE_SENSITIVE)) p->flags |= NF_WS;
    return p;
}

static mpc_parser_t *string_node(L *l, size_t a, size_t b)
{
    mpc_parser_t *p = token(l, N_STRING);
    p->d.str.s = unescape_n(l->s + a, b - a);
    p->d.str.len = (uint32_t)strlen(p->d.str.s);
    return p;
}

static mpc_parser_t *regex_node(L *l, size_t a, size_t b, int mode)
{
    char *src = unescape_regex_n(l->s + a, b - a), *err;
    ReNode *r = re_compile(src, mode, &err);
    free(src);
    if (!r) {
        size_t n = strlen(err) + 16;
        char *msg = xmalloc(n);
        snprintf(msg, n, "Invalid Regex: %s", err);
        free(err);
        return node_fail_own(msg);
    }
    mpc_parser_t *p = token(l, N_REGEX);
    p->d.re.re = r;
    return p;
}

static mpc_parser_t *ref_node(L *l, const char *name, unsigned long index, int by_index)
{
    char msg[128];
    if (by_index) {
        if (index < (unsigned long)l->np) {
            mpc_parser_t *p = node_new(N_REF);
            p->d.ref.target = l->ps[index];
            return p;
        }
        snprintf(msg, sizeof msg, "No Parser in position %lu! Only supplied %d Parsers!", index, l->np);
        return node_fail(msg);
    }
    mpc_parser_t *target = named(l, name);
    if (target) {
        mpc_parser_t *p = node_new(N_REF);
        p->d.ref.target = target;
        return p;
    }
    size_t n = strlen(name) + 32;
    char *m = xmalloc(n);
    snprintf(m, n, "Unknown Parser '%s'!", name);
    return node_fail_own(m);
}

typedef struct PList {
    mpc_parser_t **p;
    int n, cap;
} PList;

static void pl_push(PList *pl, mpc_parser_t *x)
{
    if (pl->n == pl->cap) {
        pl->cap = pl->cap ? pl->cap * 2 : 4;
        pl->p = xrealloc(pl->p, sizeof *pl->p * (size_t)pl->cap);
    }
    pl->p[pl->n++] = x;
}

static mpc_parser_t *pl_node(PList *pl, int type)
{
    if (pl->n == 1) {
        mpc_parser_t *x = pl->p[0];
        free(pl->p);
        return x;
    }
    return node_list(type, pl->p, pl->n);
}

static void pl_free(PList *pl)
{
    for (int i = 0; i < pl->n; i++) node_free(pl->p[i]);
    free(pl->p);
}

/* ---------------------------------------------------------------- the grammar of grammars */

static int alts(L *l, mpc_parser_t **out);

/* '<' (digits | ident) '>' */
static int reference(L *l, mpc_parser_t **out)
{
    char *name = NULL;
    unsigned long index = 0;
    int by_index = is_digit(at(l));
    if (by_index) {
        while (is_digit(at(l))) {
            index = index > 100000000ul ? index : index * 10 + (unsigned long)(at(l) - '0');
            l->i++;
        }
        ws(l);
    } else {
        rec(l, (long)l->i, "digits");
        if (!ident(l, &name)) return 0;
    }
    if (!sym(l, '>', "\">\"")) {
        free(name);
        return 0;
    }
    *out = ref_node(l, name, index, by_index);
    free(name);
    return 1;
}

static int group(L *l, mpc_parser_t **out)
{
    if (++l->nest > MAX_NEST) {
        l->fail = "Maximum recursion depth exceeded!";
        return none(l);
    }
    int ok = alts(l, out);
    l->nest--;
    if (!ok) return 0;
    if (!sym(l, ')', "\")\"")) {
        node_free(*out);
        return 0;
    }
    return 1;
}

static int regex_lit(L *l, mpc_parser_t **out)
{
    size_t a, b;
    if (!quoted(l, '/', "regex", &a, &b)) return 0;
    int mode = MPC_RE_DEFAULT;
    for (;; l->i++) {
        if (at(l) == 'm') mode |= MPC_RE_MULTILINE;
        else if (at(l) == 's') mode |= MPC_RE_DOTALL;
        else break;
    }
    rec(l, (long)l->i, "one of 'ms'");
    ws(l);
    *out = regex_node(l, a, b, mode);
    return 1;
}

static int base(L *l, mpc_parser_t **out)
{
    size_t a, b;
    unsigned char c;
    if (quoted(l, '"', "string", &a, &b)) {
        ws(l);
        *out = string_node(l, a, b);
        return 1;
    }
    merge(l);
    if (char_lit(l, &c)) {
        *out = token(l, N_CHAR);
        (*out)->d.chr.c = c;
        return 1;
    }
    merge(l);
    if (regex_lit(l, out)) return 1;
    merge(l);
    if (sym(l, '<', "\"<\"") && reference(l, out)) return 1;
    merge(l);
    if (l->fail) return none(l);
    if (sym(l, '(', "\"(\"") && group(l, out)) return 1;
    merge(l);
    return none(l);
}

/* '{' int '}': the count, or -1 (then the suffix is just absent). */
static long count(L *l)
{
    long n = 0;
    if (!sym(l, '{', "\"{\"")) return -1;
    if (!is_digit(at(l))) return pend(l, "integer"), -1;
    while (is_digit(at(l))) {
        n = n > MAX_COUNT ? n : n * 10 + (at(l) - '0');
        l->i++;
    }
    ws(l);
    if (!sym(l, '}', "\"}\"")) return -1;
    return n;
}

static int factor(L *l, mpc_parser_t **out)
{
    static const char SUFFIX[] = "*+?!";
    static const int TYPE[] = {N_MANY, N_MANY1, N_OPT, N_NOT};
    static const char *const DESC[] = {"\"*\"", "\"+\"", "\"?\"", "\"!\""};
    if (!base(l, out)) return 0;
    for (int k = 0; k < 4; k++) {
        if (sym(l, SUFFIX[k], DESC[k])) {
            *out = node_one(TYPE[k], *out, 0);
            return 1;
        }
        merge(l);
    }
    long n = count(l);
    merge(l);
    if (n > MAX_COUNT) {
        node_free(*out);
        *out = node_fail("Repetition count too large!");
    } else if (n >= 0) {
        *out = node_one(N_COUNT, *out, (int)n);
    }
    return 1;
}

static int seq(L *l, mpc_parser_t **out)
{
    PList pl = {0};
    mpc_parser_t *x;
    if (!factor(l, &x)) return 0; /* pending is always empty here: no "one or more of" */
    pl_push(&pl, x);
    while (!l->fail && factor(l, &x)) pl_push(&pl, x);
    merge(l);
    if (l->fail) {
        pl_free(&pl);
        return none(l);
    }
    *out = pl_node(&pl, N_SEQ);
    return 1;
}

static int alts(L *l, mpc_parser_t **out)
{
    PList pl = {0};
    mpc_parser_t *x;
    if (!seq(l, &x)) return 0;
    pl_push(&pl, x);
    while (sym(l, '|', "\"|\"") && seq(l, &x)) pl_push(&pl, x);
    merge(l); /* a dangling '|' is swallowed, as upstream does */
    if (l->fail) {
        pl_free(&pl);
        return none(l);
    }
    *out = pl_node(&pl, N_ALT);
    return 1;
}

/* ---------------------------------------------------------------- statements */

static void rule_push(L *l, char *name, char *display, mpc_parser_t *body)
{
    if (l->nr == l->rcap) {
        l->rcap = l->rcap ? l->rcap * 2 : 16;
        l->rules = xrealloc(l->rules, sizeof *l->rules * (size_t)l->rcap);
    }
    l->rules[l->nr++] = (Rule){name, display, body};
}

static int stmt(L *l)
{
    char *name = NULL, *display = NULL;
    mpc_parser_t *body;
    size_t a, b;
    if (!ident(l, &name)) return 0;
    if (quoted(l, '"', "string", &a, &b)) {
        ws(l);
        display = unescape_n(l->s + a, b - a);
    } else {
        merge(l);
    }
    if (!sym(l, ':', "\":\"") || !alts(l, &body)) {
        free(name);
        free(display);
        return 0;
    }
    if (!sym(l, ';', "\";\"")) {
        node_free(body);
        free(name);
        free(display);
        return 0;
    }
    rule_push(l, name, display, body);
    return 1;
}

/* Row and column of byte pos of the grammar text. */
static mpc_state_t text_state(const L *l, long pos)
{
    mpc_state_t s = {pos, 0, 0, 0};
    for (long i = 0; i < pos && (size_t)i < l->n; i++) {
        if (l->s[i] == '\n') {
            s.row++;
            s.col = 0;
        } else {
            s.col++;
        }
    }
    return s;
}

/* Reads the whole text: statements, or (single) one right-hand side into *out. NULL on
 * success, else the error. */
static mpc_err_t *read_text(L *l, const char *filename, int single, mpc_parser_t **out)
{
    ws(l);
    int ok = 1;
    if (single) ok = alts(l, out);
    else while (!l->fail && stmt(l)) {}
    merge(l);
    if (ok) ws(l);
    if (ok && !l->fail && l->i >= l->n) return NULL;
    if (ok && single) node_free(*out);
    if (l->fail) return err_fail_new(filename, l->fail);
    if (ok) rec(l, (long)l->i, "end of input");
    char **xs = xmalloc(sizeof *xs * (size_t)(l->en + 1));
    for (int i = 0; i < l->en; i++) xs[i] = xstrdup(l->el[i]);
    char got = (size_t)l->emax < l->n ? l->s[l->emax] : '\0';
    return err_expected(filename, text_state(l, l->emax), got, xs, l->en);
}

static void define_all(L *l)
{
    for (int k = 0; k < l->nr; k++) {
        Rule *r = &l->rules[k];
        mpc_parser_t *body = r->body, *target = named(l, r->name);
        if (l->flags & MPCA_LANG_PREDICTIVE) body = node_one(N_PRED, body, 0);
        if (r->display) {
            body = node_one(N_EXPECT, body, 0);
            body->d.one.desc = r->display;
        }
        if (target) mpc_define(target, body);
        else node_free(body); /* a rule not in the list: dropped, as upstream does */
        free(r->name);
    }
}

static void l_init(L *l, int flags, const char *text, size_t n, va_list va)
{
    memset(l, 0, sizeof *l);
    l->s = text;
    l->n = n;
    l->flags = flags;
    l->emax = l->ppos = -1;
    l->quiet = 1;
    int cap = 0;
    for (mpc_parser_t *p; (p = va_arg(va, mpc_parser_t *));) {
        if (l->np == cap) l->ps = xrealloc(l->ps, sizeof *l->ps * (size_t)(cap = cap * 2 + 16));
        l->ps[l->np++] = p;
    }
    names_build(l);
}

/* Forgets what a read built, ready to read again from the start. */
static void l_reset(L *l)
{
    for (int k = 0; k < l->nr; k++) {
        node_free(l->rules[k].body);
        free(l->rules[k].name);
        free(l->rules[k].display);
    }
    l->nr = 0;
    l->i = 0;
    l->en = 0;
    l->emax = l->ppos = -1;
    l->fail = NULL;
    l->nest = 0;
}

static void l_free(L *l)
{
    l_reset(l);
    free(l->rules);
    free(l->ps);
    free(l->names);
    free(l->el);
}

/* Reads quietly; if that fails, reads again recording expectations, for the error. */
static mpc_err_t *read_twice(L *l, const char *filename, int single, mpc_parser_t **out)
{
    mpc_err_t *e = read_text(l, filename, single, out);
    if (!e) return NULL;
    mpc_err_delete(e);
    l_reset(l);
    l->quiet = 0;
    return read_text(l, filename, single, out);
}

static mpc_err_t *lang_run(int flags, const char *text, size_t n, const char *filename, va_list va)
{
    L l;
    l_init(&l, flags, text, n, va);
    mpc_err_t *e = read_twice(&l, filename, 0, NULL);
    if (!e) {
        define_all(&l);
        l.nr = 0;
    }
    l_free(&l);
    return e;
}

/* ---------------------------------------------------------------- public */

mpc_err_t *mpca_lang(int flags, const char *language, ...)
{
    va_list va;
    va_start(va, language);
    mpc_err_t *e = lang_run(flags, language, strlen(language), "<mpca_lang>", va);
    va_end(va);
    return e;
}

static mpc_err_t *lang_stream(int flags, FILE *f, const char *filename, va_list va)
{
    size_t n;
    char *text = mpc_read_all(f, &n);
    mpc_err_t *e = lang_run(flags, text, n, filename, va);
    free(text);
    return e;
}

mpc_err_t *mpca_lang_file(int flags, FILE *f, ...)
{
    va_list va;
    va_start(va, f);
    mpc_err_t *e = lang_stream(flags, f, "<mpca_lang_file>", va);
    va_end(va);
    return e;
}

mpc_err_t *mpca_lang_pipe(int flags, FILE *f, ...)
{
    va_list va;
    va_start(va, f);
    mpc_err_t *e = lang_stream(flags, f, "<mpca_lang_pipe>", va);
    va_end(va);
    return e;
}

mpc_err_t *mpca_lang_contents(int flags, const char *filename, ...)
{
    FILE *f = fopen(filename, "rb");
    if (!f) return err_fail_new(filename, "Unable to open file!");
    va_list va;
    va_start(va, filename);
    mpc_err_t *e = lang_stream(flags, f, filename, va);
    va_end(va);
    fclose(f);
    return e;
}

mpc_parser_t *mpca_grammar(int flags, const char *grammar, ...)
{
    L l;
    mpc_parser_t *body = NULL;
    va_list va;
    va_start(va, grammar);
    l_init(&l, flags, grammar, strlen(grammar), va);
    va_end(va);
    mpc_err_t *e = read_twice(&l, "<mpca_grammar>", 1, &body);
    l_free(&l);
    if (e) {
        char *s = mpc_err_string(e);
        size_t n = strlen(s) + 20;
        char *msg = xmalloc(n);
        snprintf(msg, n, "Invalid Grammar: %s", s);
        free(s);
        mpc_err_delete(e);
        return node_fail_own(msg);
    }
    if (flags & MPCA_LANG_PREDICTIVE) body = node_one(N_PRED, body, 0);
    return body;
}
