/* parse.c: parse_source, the front end's entry point. Loads grammar/ember.mpc (embedded in the
 * binary) once per process, runs mpc on the source, turns mpc's errors into ember's
 * "FILE:LINE:COL: error: expected ... at ..." messages (telling incomplete input apart), and
 * hands the tree to the walker (walk.h). The only file that talks to mpc's parser API.
 * A program is parsed one top-level expression at a time (parse_by_unit), each mpc tree walked
 * and freed before the next, so mpc's memory is bounded by the largest expression; a program
 * that does not parse so is parsed whole, which alone reports its error.
 *
 * The whitespace rules sp, sp1, ws and eos are C parsers whose output vanishes, so they leave
 * no leaves in the tree: sp = blanks, sp1 = one or more blanks, ws = blanks, newlines and
 * comments, eos = end of statement (optional comment, then newline or ';', then ws and ';').
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include "embedded.h"
#include "parse/parse.h"
#include "parse/walk.h"

enum { MAX_RULES = 128 };

static pthread_once_t grammar_once = PTHREAD_ONCE_INIT;
static mpc_parser_t *rules[MAX_RULES]; /* every named parser, NULL after the last */
static int nrules;
static mpc_parser_t *prog;             /* the whole-program rule */
static mpc_parser_t *tunit;            /* one top-level expression with its separator */
static char *load_error;               /* why the grammar did not load, or NULL */

/* ---------------------------------------------------------------- grammar loading */

/* Skips a quoted literal ('c', "s" or /re/) starting at s; returns the byte after it. */
static const char *skip_literal(const char *s)
{
    char q = *s++;
    while (*s && *s != q) s += (*s == '\\' && s[1]) ? 2 : 1;
    return *s ? s + 1 : s;
}

/* Creates an mpc_new parser for the left-hand side of every rule in grammar text g. */
static void declare_rules(const char *g)
{
    while (*g && nrules < MAX_RULES - 1) {
        while (*g == ' ' || *g == '\n' || *g == '\t' || *g == '\r') g++;
        const char *name = g;
        while ((*g >= 'a' && *g <= 'z') || (*g >= 'A' && *g <= 'Z') || (*g >= '0' && *g <= '9') || *g == '_') g++;
        if (g == name) break;
        char buf[64];
        snprintf(buf, sizeof buf, "%.*s", (int)(g - name), name);
        rules[nrules++] = mpc_new(buf);
        if (strcmp(buf, "prog") == 0) prog = rules[nrules - 1];
        if (strcmp(buf, "tunit") == 0) tunit = rules[nrules - 1];
        while (*g && *g != ';') g = (*g == '\'' || *g == '"' || *g == '/') ? skip_literal(g) : g + 1;
        if (*g == ';') g++;
    }
}

/* Defines `name` as regex re whose output vanishes, reported as `display` when it fails (the
 * expect wrapper also keeps the regex's own "one of ' \t'" out of error messages). */
static void define_space(const char *name, const char *re, const char *display)
{
    rules[nrules] = mpc_new(name);
    mpc_define(rules[nrules++], mpc_expect(mpc_apply(mpc_re(re), mpcf_free), display));
}

#define R8(i) rules[i], rules[i + 1], rules[i + 2], rules[i + 3], rules[i + 4], rules[i + 5], rules[i + 6], rules[i + 7]

static void load_grammar(void)
{
    const EmbeddedFile *f = embedded_find("grammar/ember.mpc");
    if (!f) {
        load_error = strdup("grammar/ember.mpc is not embedded in this binary");
        return;
    }
    declare_rules(f->text);
    define_space("sp", "[ \t\r]*", "whitespace");
    define_space("sp1", "[ \t\r]+", "whitespace");
    define_space("ws", "([ \t\r\n]|#[^\n]*)*", "whitespace");
    define_space("eos", "(#[^\n]*)?[\n;]([ \t\r\n;]|#[^\n]*)*", "newline");
    _Static_assert(MAX_RULES == 128, "the mpca_lang call below passes rules[0..127]");
    mpc_err_t *e = mpca_lang(MPCA_LANG_WHITESPACE_SENSITIVE, f->text, R8(0), R8(8), R8(16), R8(24),
                             R8(32), R8(40), R8(48), R8(56), R8(64), R8(72), R8(80), R8(88), R8(96),
                             R8(104), R8(112), R8(120), NULL);
    if (e) {
        load_error = mpc_err_string(e);
        mpc_err_delete(e);
    } else if (!prog || !tunit) {
        load_error = strdup("grammar/ember.mpc has no rule 'prog' or 'tunit'");
    }
}

/* ---------------------------------------------------------------- error messages */

/* A growable heap string. */
typedef struct Buf {
    char *s;
    size_t len, cap;
} Buf;

static void buf_add(Buf *b, const char *s, size_t n)
{
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap * 2 : 128;
        while (cap < b->len + n + 1) cap *= 2;
        char *grown = realloc(b->s, cap);
        if (!grown) return;
        b->s = grown;
        b->cap = cap;
    }
    memcpy(b->s + b->len, s, n);
    b->len += n;
    b->s[b->len] = '\0';
}

static void buf_str(Buf *b, const char *s)
{
    buf_add(b, s, strlen(s));
}

/* What mpc expected, as ember says it: everything that can start an operand becomes
 * "expression"; "postfix" (., [, ( after an operand), "whitespace" and "string content" are
 * left out as noise (the closing delimiter is always expected beside them). */
static const char *describe(const char *expected)
{
    static const char *const starts[] = {
        "identifier", "alias", "number", "character", "atom", "capture argument", "unary operator", "sigil",
        "operator capture",
        "'fn'", "'('", "'['", "'{'", "\"%{\"", "'%'", "string", "charlist", "':'", "'@'",
    };
    static const char *const noise[] = {"postfix", "whitespace", "string content"};
    for (size_t i = 0; i < sizeof noise / sizeof noise[0]; i++)
        if (strcmp(expected, noise[i]) == 0) return NULL;
    for (size_t i = 0; i < sizeof starts / sizeof starts[0]; i++)
        if (strcmp(expected, starts[i]) == 0) return "expression";
    return expected;
}

/* Where an expectation goes in the list: expression, operator, the rest as mpc found them,
 * then 'do', newline and end of input. */
static int rank(const char *d)
{
    static const char *const order[] = {"expression", "operator", "", "'do'", "newline", "end of input"};
    for (int i = 0; i < 6; i++)
        if (strcmp(d, order[i]) == 0) return i;
    return 2;
}

static bool word_byte(char c)
{
    return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

static bool op_byte(char c)
{
    return c && strchr("+-*/<>=!&|^~.\\:?@%", c) != NULL;
}

/* The token at byte pos of src, as an error message names it: a whole word or operator
 * ("'foo'", "'->'"), one character, "newline", "end of input", ... */
static void describe_token(Buf *b, const char *src, size_t len, size_t pos)
{
    static const struct { char c; const char *name; } named[] = {
        {'\n', "newline"}, {' ', "space"}, {'\t', "tab"}, {'\r', "carriage return"},
        {'\f', "formfeed"}, {'\v', "vertical tab"},
    };
    if (pos >= len) return buf_str(b, "end of input");
    for (size_t i = 0; i < sizeof named / sizeof named[0]; i++)
        if (src[pos] == named[i].c) return buf_str(b, named[i].name);
    size_t end = pos + 1;
    if (word_byte(src[pos])) {
        while (end < len && word_byte(src[end])) end++;
        if (end < len && (src[end] == '?' || src[end] == '!')) end++;
    } else if (op_byte(src[pos])) {
        while (end < len && op_byte(src[end]) && end - pos < 4) end++;
    } else if ((unsigned char)src[pos] >= 0xC0) {
        while (end < len && ((unsigned char)src[end] & 0xC0) == 0x80 && end - pos < 4) end++;
    }
    buf_str(b, "'");
    buf_add(b, src + pos, end - pos);
    buf_str(b, "'");
}

/* "expected A, B or C at X" for mpc error e. */
static void expected_message(Buf *b, const mpc_err_t *e, const char *src, size_t len)
{
    const char *list[64];
    int n = 0;
    for (int i = 0; i < e->expected_num && n < 64; i++) {
        const char *d = describe(e->expected[i]);
        bool dup = d == NULL;
        for (int j = 0; j < n && !dup; j++) dup = strcmp(list[j], d) == 0;
        if (!dup) list[n++] = d;
    }
    buf_str(b, "expected ");
    if (n == 0) buf_str(b, "expression");
    int done = 0;
    for (int r = 0; r < 6; r++)
        for (int i = 0; i < n; i++) {
            if (rank(list[i]) != r) continue;
            if (done > 0) buf_str(b, done == n - 1 ? " or " : ", ");
            buf_str(b, list[i]);
            done++;
        }
    buf_str(b, " at ");
    describe_token(b, src, len, (size_t)e->state.pos);
}

/* Starts b with "FILE:LINE:COL: error: " and records the position in out. */
static void error_head(Buf *b, ParseResult *out, const char *filename, uint32_t line, uint32_t col)
{
    char pos[48];
    snprintf(pos, sizeof pos, ":%u:%u: error: ", line, col);
    buf_str(b, filename);
    buf_str(b, pos);
    out->line = line;
    out->col = col;
}

/* Fills out's error fields from mpc error e. */
static void mpc_error(ParseResult *out, const char *filename, const mpc_err_t *e, const char *src, size_t len)
{
    Buf b = {0};
    bool at_pos = e->state.pos >= 0;
    error_head(&b, out, filename, at_pos ? (uint32_t)e->state.row + 1 : 1, at_pos ? (uint32_t)e->state.col + 1 : 1);
    if (e->failure && strstr(e->failure, "Maximum recursion depth")) buf_str(&b, "nesting too deep");
    else if (e->failure) buf_str(&b, e->failure);
    else expected_message(&b, e, src, len);
    out->error = b.s;
    out->incomplete = !e->failure && (size_t)e->state.pos >= len;
}

/* ---------------------------------------------------------------- entry points */

/* Sets out->error to "FILE:LINE:COL: error: MSG" (for errors found before mpc runs). */
static bool early_error(ParseResult *out, const char *filename, uint32_t line, uint32_t col, const char *msg)
{
    Buf b = {0};
    error_head(&b, out, filename, line, col);
    buf_str(&b, msg);
    out->error = b.s;
    return false;
}

/* The lowest address this thread's stack may reach with `margin` bytes to spare, or NULL when
 * the stack's extent is unknown (which leaves only the depth limit). Cached per thread:
 * pthread_getattr_np reads /proc/self/maps on the main thread. */
static const char *stack_floor(size_t margin)
{
    static _Thread_local const char *floor;
    static _Thread_local bool known;
    if (known) return floor;
    known = true;
    pthread_attr_t a;
    void *addr = NULL;
    size_t size = 0;
    if (pthread_getattr_np(pthread_self(), &a) != 0) return NULL;
    if (pthread_attr_getstack(&a, &addr, &size) != 0) addr = NULL;
    pthread_attr_destroy(&a);
    floor = addr && size > 2 * margin ? (const char *)addr + margin : NULL;
    return floor;
}

/* A walker over src (len bytes of filename) allocating in out->arena, with 64 KB of C stack
 * kept in reserve at the bottom of the thread's stack. */
static Walk walk_start(ParseResult *out, const char *filename, const char *src, size_t len)
{
    Walk w = {0};
    w.arena = out->arena;
    w.src = src;
    w.len = len;
    w.filename = filename;
    w.stack_limit = stack_floor(64 * 1024);
    return w;
}

/* Walks mpc tree t into out->root; false with out->error set on a walker error. */
static bool walk_tree(ParseResult *out, const char *filename, const char *src, size_t len, mpc_ast_t *t)
{
    Walk w = walk_start(out, filename, src, len);
    if (setjmp(w.fail) == 0) out->root = walk_program(&w, t);
    free(w.scratch);
    mpc_ast_delete(t);
    if (out->root) return true;
    out->error = w.error ? w.error : strdup("error: out of memory");
    out->line = w.line;
    out->col = w.col;
    return false;
}

/* The node the whole program's tree holds for a `tunit` parsed on its own: mpc replaces a
 * node that has one child by that child, prefixing the child's tag with the node's rule
 * names (mpc-api.md §1.6); a tree's root is never replaced, so do it here. */
static const mpc_ast_t *as_statement(mpc_ast_t *t)
{
    while (t && t->children_num == 1 && t->children[0]) {
        mpc_ast_t *c = t->children[0];
        const char *bar = strrchr(t->tag, '|');
        if (bar) {
            char *prefix = strndup(t->tag, (size_t)(bar - t->tag));
            if (prefix) mpc_ast_add_tag(c, prefix);
            free(prefix);
        }
        t = c;
    }
    return t;
}

/* Steps *at over what grammar/ember.mpc's `ws` matches: blanks, newlines, comments. */
static void skip_ws(const char *s, size_t len, mpc_state_t *at)
{
    size_t i = (size_t)at->pos;
    while (i < len) {
        if (s[i] == '#') {
            while (i < len && s[i] != '\n') i++, at->col++;
        } else if (s[i] == '\n') {
            i++, at->row++, at->col = 0;
        } else if (s[i] == ' ' || s[i] == '\t' || s[i] == '\r') {
            i++, at->col++;
        } else {
            break;
        }
    }
    at->pos = (long)i;
}

/* Walks unit (if not NULL) into block, first making block if it is NULL. Returns block, or
 * NULL with w's error set if the walker failed. */
static AstNode *walk_one(Walk *w, AstNode *block, const mpc_ast_t *unit)
{
    if (setjmp(w->fail) != 0) return NULL;
    AstNode *b = block ? block : walk_program(w, NULL);
    if (unit) walk_unit(w, b, unit);
    return b;
}

/* The fast path: parses `prog` one top-level expression (`tunit`) at a time and walks and
 * frees each mpc tree before parsing the next, so mpc's memory is bounded by the largest
 * expression, not by the file. This is the same PEG run as `prog : /^/ <ws> <tseq>? <ws> /$/`
 * with `tseq : <tunit>+`, cut where tseq's repetition is between iterations. Returns 1 with
 * out->root set; 0 if a piece did not parse (the caller parses the whole program to report
 * exactly the error a whole parse finds); -1 with out's error set for a walker error (found
 * in the earliest expression, and only reported once every piece parsed). copy is src with a
 * NUL at len. out->arena must be set. */
static int parse_by_unit(ParseResult *out, const char *filename, const char *src, const char *copy, size_t len)
{
    Walk w = walk_start(out, filename, src, len);
    AstNode *block = walk_one(&w, NULL, NULL);
    bool walking = block != NULL;
    mpc_state_t at = {0, 0, 0, 0};
    skip_ws(copy, len, &at);
    int status = 1;
    while ((size_t)at.pos < len) {
        mpc_result_t r;
        long from = at.pos;
        if (!mpc_parse_from(filename, copy, len, &at, tunit, &r)) {
            mpc_err_delete(r.error);
            status = 0;
            break;
        }
        mpc_ast_t *tree = r.output;
        if (at.pos <= from || !tree) { /* cannot happen with ember's grammar: be safe */
            mpc_ast_delete(tree);
            status = 0;
            break;
        }
        if (walking) walking = walk_one(&w, block, as_statement(tree)) != NULL;
        mpc_ast_delete(tree);
    }
    free(w.scratch);
    if (status == 1 && !walking) {
        out->error = w.error ? w.error : strdup("error: out of memory");
        out->line = w.line;
        out->col = w.col;
        return -1;
    }
    free(w.error);
    if (status == 1) out->root = block;
    return status;
}

bool parse_source(const char *filename, const char *src, size_t len, ParseResult *out)
{
    memset(out, 0, sizeof *out);
    pthread_once(&grammar_once, load_grammar);
    if (load_error) return early_error(out, filename, 1, 1, load_error);
    const char *nul = memchr(src, '\0', len);
    if (nul) {
        uint32_t line = 1, col = 1;
        for (const char *p = src; p < nul; p++) {
            if (*p == '\n') { line++; col = 1; } else { col++; }
        }
        return early_error(out, filename, line, col, "unexpected NUL byte");
    }
    /* mpc reads the byte after the input (it must be NUL) even through mpc_nparse, and src
     * need not be NUL-terminated: parse a terminated copy. */
    char *copy = malloc(len + 1);
    if (!copy) return early_error(out, filename, 1, 1, "out of memory");
    memcpy(copy, src, len);
    copy[len] = '\0';
    out->arena = ast_arena_new();
    if (!out->arena) {
        free(copy);
        return early_error(out, filename, 1, 1, "out of memory");
    }
    int fast = parse_by_unit(out, filename, src, copy, len);
    if (fast != 0) {
        free(copy);
        return fast == 1;
    }
    ast_arena_free(out->arena);
    out->arena = NULL;
    mpc_result_t r;
    int ok = mpc_nparse(filename, copy, len, prog, &r);
    free(copy);
    if (!ok) {
        mpc_error(out, filename, r.error, src, len);
        mpc_err_delete(r.error);
        return false;
    }
    out->arena = ast_arena_new();
    if (!out->arena) {
        mpc_ast_delete(r.output);
        return early_error(out, filename, 1, 1, "out of memory");
    }
    return walk_tree(out, filename, src, len, r.output);
}

void parse_result_free(ParseResult *r)
{
    if (!r) return;
    ast_arena_free(r->arena);
    free(r->error);
    memset(r, 0, sizeof *r);
}
