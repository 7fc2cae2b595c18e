/* walk_lit.c: literals and collections: numbers (with `_`, 0x/0b/0o), `?c` characters, atoms,
 * strings with escapes and interpolation, heredocs (indentation stripped as Elixir does),
 * charlists, lists, tuples, maps, structs and keyword arguments.
 * Decoded bytes go straight into the arena: decoding never makes text longer than its source.
 */
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "parse/walk.h"

/* ---------------------------------------------------------------- numbers */

static int digit_value(char c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return 99;
}

/* True when every '_' in s sits between two digits of `base` (so 1_000 but not 1__0 or 1_). */
static bool underscores_ok(const char *s, int base)
{
    for (size_t i = 0; s[i]; i++)
        if (s[i] == '_' && (i == 0 || digit_value(s[i - 1]) >= base || digit_value(s[i + 1]) >= base))
            return false;
    return true;
}

/* Length of the number literal at s (the grammar lets letters and digits run on after it, so
 * `1e3` can be reported); sets *base and *is_float. */
static size_t number_len(const char *s, int *base, bool *is_float)
{
    *base = 10;
    *is_float = false;
    if (s[0] == '0' && (s[1] == 'x' || s[1] == 'b' || s[1] == 'o')) {
        int b = s[1] == 'x' ? 16 : s[1] == 'b' ? 2 : 8;
        size_t j = 2;
        while (s[j] == '_' || digit_value(s[j]) < b) j++;
        if (j == 2) return 1; /* "0" followed by a stray letter */
        *base = b;
        return j;
    }
    size_t i = 0;
    while (digit_value(s[i]) < 10 || s[i] == '_') i++;
    if (s[i] != '.') return i;
    *is_float = true;
    for (i++; digit_value(s[i]) < 10 || s[i] == '_'; i++) {}
    if (s[i] != 'e' && s[i] != 'E') return i; /* s[i] may be the terminator: read no further */
    bool sign = s[i + 1] == '-' || s[i + 1] == '+';
    if (digit_value(s[i + 1 + sign]) < 10)
        for (i += 2 + sign; digit_value(s[i]) < 10; i++) {}
    return i;
}

static AstNode *walk_float(Walk *w, const mpc_ast_t *n, bool negate)
{
    const char *s = n->contents;
    char buf[128];
    size_t k = 0;
    for (size_t i = 0; s[i] && k + 1 < sizeof buf; i++)
        if (s[i] != '_') buf[k++] = s[i];
    buf[k] = '\0';
    double v = strtod(buf, NULL);
    if (isinf(v)) walk_fail_at(w, n, "float literal %s is out of range", s);
    AstNode *f = walk_node(w, AST_FLOAT, n);
    f->fval = negate ? -v : v;
    return f;
}

AstNode *walk_number(Walk *w, const mpc_ast_t *n, const mpc_ast_t *minus)
{
    bool negate = minus != NULL, is_float;
    const char *s = n->contents;
    int base;
    size_t len = number_len(s, &base, &is_float);
    if (s[len]) walk_fail_at(w, n, "invalid character \"%c\" after number %.*s", s[len], (int)len, s);
    if (base != 10) s += 2;
    if (!underscores_ok(s, is_float ? 10 : base)) walk_fail_at(w, n, "invalid number literal %s", n->contents);
    if (is_float) return walk_float(w, n, negate);
    uint64_t v = 0, limit = negate ? (uint64_t)INT64_MAX + 1 : (uint64_t)INT64_MAX;
    for (; *s; s++) {
        if (*s == '_') continue;
        uint64_t d = (uint64_t)digit_value(*s);
        if (v > (limit - d) / (uint64_t)base)
            walk_fail_at(w, negate ? minus : n, "integer literal %s%s does not fit in 64 bits",
                         negate ? "-" : "", n->contents);
        v = v * (uint64_t)base + d;
    }
    AstNode *i = walk_node(w, AST_INT, n);
    i->ival = negate ? (int64_t)(0 - v) : (int64_t)v;
    return i;
}

/* ---------------------------------------------------------------- escapes and UTF-8 */

/* Writes code point cp as UTF-8 at out; returns the byte count (0 if cp is invalid). */
static size_t put_utf8(char *out, uint32_t cp)
{
    if (cp < 0x80) { out[0] = (char)cp; return 1; }
    if (cp < 0x800) {
        out[0] = (char)(0xC0 | cp >> 6);
        out[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp >= 0xD800 && cp < 0xE000) return 0;
    if (cp < 0x10000) {
        out[0] = (char)(0xE0 | cp >> 12);
        out[1] = (char)(0x80 | (cp >> 6 & 0x3F));
        out[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    if (cp > 0x10FFFF) return 0;
    out[0] = (char)(0xF0 | cp >> 18);
    out[1] = (char)(0x80 | (cp >> 12 & 0x3F));
    out[2] = (char)(0x80 | (cp >> 6 & 0x3F));
    out[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

/* Decodes the UTF-8 sequence at s (at most n bytes) into *cp; returns its length, 0 if bad. */
static size_t get_utf8(const char *s, size_t n, uint32_t *cp)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t len = u[0] < 0x80 ? 1 : u[0] >= 0xF0 ? 4 : u[0] >= 0xE0 ? 3 : u[0] >= 0xC0 ? 2 : 0;
    if (len == 0 || len > n) return 0;
    uint32_t v = len == 1 ? u[0] : (uint32_t)(u[0] & (0x7F >> len));
    for (size_t i = 1; i < len; i++) {
        if ((u[i] & 0xC0) != 0x80) return 0;
        v = v << 6 | (u[i] & 0x3F);
    }
    *cp = v;
    return len;
}

/* Reads up to `max` hex digits at s (exactly `max` unless braced); returns digits used. */
static size_t hex_digits(const char *s, size_t max, uint32_t *v)
{
    size_t i = 0;
    *v = 0;
    while (i < max && digit_value(s[i]) < 16) *v = *v * 16 + (uint32_t)digit_value(s[i++]);
    return i;
}

/* Fails with message `what` at byte p of the contents of mpc leaf `frag`. */
static _Noreturn void fail_in(Walk *w, const mpc_ast_t *frag, const char *p, const char *what)
{
    uint32_t line = (uint32_t)frag->state.row + 1, col = (uint32_t)frag->state.col + 1;
    for (const char *q = frag->contents; q < p; q++) {
        if (*q == '\n') { line++; col = 1; } else { col++; }
    }
    walk_fail(w, line, col, "%s", what);
}

/* Decodes the escape after a backslash at s (before end) into out. Returns the source bytes
 * used and sets *outlen. `at` (whose contents hold s) positions errors at the backslash. */
static size_t decode_escape(Walk *w, const mpc_ast_t *at, const char *s, const char *end,
                            char *out, size_t *outlen)
{
    static const char simple_from[] = "0abdefnrstv";
    static const char simple_to[] = {0, 7, 8, 127, 27, 12, 10, 13, 32, 9, 11};
    const char *p = strchr(simple_from, *s);
    *outlen = 1;
    if (*s == '\n') { *outlen = 0; return 1; } /* backslash-newline continues the line */
    if (p && *s) { out[0] = simple_to[p - simple_from]; return 1; }
    if (*s != 'x' && *s != 'u') { out[0] = *s; return 1; }
    uint32_t cp;
    size_t used;
    if (s + 1 < end && s[1] == '{') {
        used = hex_digits(s + 2, 6, &cp);
        if (used == 0 || s[2 + used] != '}') fail_in(w, at, s - 1, *s == 'x' ? "invalid \\x escape" : "invalid \\u escape");
        used += 3;
    } else {
        used = hex_digits(s + 1, *s == 'x' ? 2 : 4, &cp);
        if (used == 0 || (*s == 'u' && used != 4)) fail_in(w, at, s - 1, *s == 'x' ? "invalid \\x escape" : "invalid \\u escape");
        used += 1;
    }
    if (*s == 'x' && cp < 0x100 && !(s[1] == '{')) { out[0] = (char)cp; return used; }
    *outlen = put_utf8(out, cp);
    if (*outlen == 0) fail_in(w, at, s - 1, "invalid Unicode code point in escape");
    return used;
}

/* ---------------------------------------------------------------- strings */

/* Literal bytes being collected for a string, with heredoc indentation stripping. */
typedef struct Text {
    char *buf;
    size_t len;
    size_t indent;   /* heredoc: blanks to strip at each line start */
    bool bol;        /* at a source line start (heredocs only) */
    size_t skipped;  /* blanks stripped so far on this line */
} Text;

/* Appends the raw source fragment frag (escapes undecoded) to t. */
static void text_add(Walk *w, Text *t, const mpc_ast_t *frag, bool heredoc)
{
    const char *s = frag->contents, *end = s + strlen(s);
    while (s < end) {
        if (heredoc && t->bol && (*s == ' ' || *s == '\t') && t->skipped < t->indent) {
            t->skipped++;
            s++;
            continue;
        }
        t->bol = false;
        if (*s == '\\' && s + 1 < end) {
            size_t out;
            s += 1 + decode_escape(w, frag, s + 1, end, t->buf + t->len, &out);
            t->len += out;
            continue;
        }
        if (*s == '\n' && heredoc) {
            t->bol = true;
            t->skipped = 0;
        }
        t->buf[t->len++] = *s++;
    }
}

/* Flushes t's bytes into a STRING part of `parts` (when there are any). */
static void text_flush(Walk *w, Text *t, AstNode *parts, const mpc_ast_t *at)
{
    if (t->len == 0) return;
    AstNode *s = walk_node(w, AST_STRING, at);
    s->str = walk_strn(w, t->buf, t->len);
    s->len = t->len;
    walk_push(w, parts, s);
    t->len = 0;
}

/* Columns of blanks before a heredoc's closing quotes `close`; they must start their line. */
static size_t closing_indent(Walk *w, const mpc_ast_t *close)
{
    size_t pos = (size_t)close->state.pos, i = pos;
    while (i > 0 && (w->src[i - 1] == ' ' || w->src[i - 1] == '\t')) i--;
    if (i > 0 && w->src[i - 1] != '\n')
        walk_fail_at(w, close, "invalid location for heredoc terminator, please escape token or "
                               "move it to its own line");
    return pos - i;
}

/* The walk's scratch buffer, with room for at least n bytes. */
static char *scratch(Walk *w, size_t n)
{
    if (n > w->scratch_cap) {
        size_t cap = w->scratch_cap ? w->scratch_cap : 256;
        while (cap < n) cap *= 2;
        char *grown = realloc(w->scratch, cap);
        if (!grown) walk_fail(w, 1, 1, "out of memory");
        w->scratch = grown;
        w->scratch_cap = cap;
    }
    return w->scratch;
}

/* STRING or INTERP for a dstr/heredoc/clist node n (parts between the delimiters). */
static AstNode *walk_text(Walk *w, const mpc_ast_t *n, bool heredoc)
{
    int first = heredoc ? 2 : 1, last = n->children_num - 1;
    size_t raw = 0;
    for (int i = first; i < last; i++) raw += strlen(n->children[i]->contents) + 1;
    Text t = {NULL, 0, 0, true, 0};
    t.buf = scratch(w, raw + 1);
    if (heredoc) t.indent = closing_indent(w, n->children[last]);
    AstNode *parts = walk_node(w, AST_INTERP, n);
    const mpc_ast_t *frag_at = NULL; /* where the pending STRING part starts */
    bool interpolated = false;
    for (int i = first; i < last; i++) {
        const mpc_ast_t *p = n->children[i];
        if (rule_of(p) == R_INTERP) {
            text_flush(w, &t, parts, frag_at);
            if (p->children_num == 3) walk_push(w, parts, walk_expr(w, p->children[1]));
            t.buf = scratch(w, raw + 1); /* strings inside the interpolation reuse the buffer */
            t.bol = false;
            interpolated = true;
            frag_at = NULL;
            continue;
        }
        if (!frag_at) frag_at = p;
        text_add(w, &t, p, heredoc);
    }
    if (!interpolated) {
        AstNode *s = walk_node(w, AST_STRING, n);
        s->str = walk_strn(w, t.buf, t.len);
        s->len = t.len;
        return s;
    }
    text_flush(w, &t, parts, frag_at);
    return parts;
}

/* The bytes of a string literal that must not be interpolated (quoted atoms and keys). */
static AstNode *plain_text(Walk *w, const mpc_ast_t *dstr, const char *what)
{
    AstNode *s = walk_text(w, dstr, false);
    if (s->kind != AST_STRING) walk_fail_at(w, dstr, "interpolation is not supported in %s", what);
    return s;
}

static AstNode *atom_from(Walk *w, const mpc_ast_t *at, AstNode *s)
{
    AstNode *a = walk_node(w, AST_ATOM, at);
    a->name = s->str;
    return a;
}

AstNode *walk_kwkey(Walk *w, const mpc_ast_t *n)
{
    if (n->children_num == 0) {
        AstNode *a = walk_node(w, AST_ATOM, n);
        a->name = walk_strn(w, n->contents, strlen(n->contents) - 1);
        return a;
    }
    return atom_from(w, n, plain_text(w, n->children[0], "keyword keys"));
}

/* ?c: the code point of one character or escape. */
static AstNode *walk_char(Walk *w, const mpc_ast_t *n)
{
    const char *s = n->contents + 1, *end = s + strlen(s);
    char buf[8];
    size_t len = 0;
    if (*s == '\\') {
        size_t used = 1 + decode_escape(w, n, s + 1, end, buf, &len);
        if (s + used != end) len = 0;
    } else {
        len = (size_t)(end - s);
        if (len > 4) len = 0;
        else memcpy(buf, s, len);
    }
    uint32_t cp = 0;
    if (len == 0 || get_utf8(buf, len, &cp) != len) walk_fail_at(w, n, "invalid character literal %s", n->contents);
    AstNode *i = walk_node(w, AST_INT, n);
    i->ival = cp;
    return i;
}

/* The LIST of code points of STRING s. */
static AstNode *charlist_of(Walk *w, const mpc_ast_t *n, const AstNode *s)
{
    AstNode *list = walk_node(w, AST_LIST, n);
    for (size_t i = 0; i < s->len;) {
        uint32_t cp;
        size_t used = get_utf8(s->str + i, s->len - i, &cp);
        if (used == 0) walk_fail_at(w, n, "invalid UTF-8 in charlist");
        AstNode *c = walk_node(w, AST_INT, n);
        c->ival = cp;
        walk_push(w, list, c);
        i += used;
    }
    return list;
}

/* 'abc': a LIST of the code points. */
static AstNode *walk_charlist(Walk *w, const mpc_ast_t *n)
{
    AstNode *s = walk_text(w, n, false);
    if (s->kind != AST_STRING) walk_fail_at(w, n, "interpolation is not supported in charlists");
    return charlist_of(w, n, s);
}

/* ---------------------------------------------------------------- sigils */

/* The body of sigil token n (`~w(a b)a`): bytes between the delimiters, escapes decoded for a
 * lowercase sigil (where `#{` would interpolate: not supported), into the scratch buffer. */
static size_t sigil_body(Walk *w, const mpc_ast_t *n, const char *body, size_t len, bool lower)
{
    char *out = scratch(w, len + 1);
    size_t o = 0;
    for (size_t i = 0; i < len;) {
        if (lower && body[i] == '#' && i + 1 < len && body[i + 1] == '{')
            fail_in(w, n, body + i, "interpolation in sigils is not supported");
        if (lower && body[i] == '\\' && i + 1 < len) {
            size_t got;
            i += 1 + decode_escape(w, n, body + i + 1, body + len, out + o, &got);
            o += got;
            continue;
        }
        out[o++] = body[i++];
    }
    return o;
}

static AstNode *sigil_word(Walk *w, const mpc_ast_t *n, const char *s, size_t len, char mod)
{
    AstNode *x = walk_node(w, mod == 'a' ? AST_ATOM : AST_STRING, n);
    if (mod == 'a') {
        x->name = walk_strn(w, s, len);
        return x;
    }
    x->str = walk_strn(w, s, len);
    x->len = len;
    return mod == 'c' ? charlist_of(w, n, x) : x;
}

/* ~s ~S (string), ~c ~C (charlist), ~w ~W (word list; modifier a, c or s). */
static AstNode *walk_sigil(Walk *w, const mpc_ast_t *n)
{
    const char *s = n->contents;
    size_t end = strlen(s), mods = end;
    while (mods > 3 && ((s[mods - 1] >= 'a' && s[mods - 1] <= 'z') || (s[mods - 1] >= 'A' && s[mods - 1] <= 'Z')))
        mods--;
    char kind = s[1], lower_kind = (char)(kind | 0x20);
    const char *mod = s + mods;
    if (lower_kind == 'r') walk_fail_at(w, n, "regular expressions (~r) are not supported by ember");
    if (lower_kind != 's' && lower_kind != 'c' && lower_kind != 'w')
        walk_fail_at(w, n, "undefined function sigil_%c/2 (there is no such import)", kind);
    bool words = lower_kind == 'w';
    if ((!words && *mod) || (words && mod[0] && (mod[1] || !strchr("acs", mod[0]))))
        walk_fail_at(w, n, "invalid modifier%s for ~%c: %s", mod[1] ? "s" : "", kind, mod);
    size_t len = sigil_body(w, n, s + 3, mods - 4, kind >= 'a');
    const char *body = w->scratch;
    if (!words) return sigil_word(w, n, body, len, lower_kind == 'c' ? 'c' : 's');
    char m = mod[0] ? mod[0] : 's';
    AstNode *list = walk_node(w, AST_LIST, n);
    for (size_t i = 0; i < len;) {
        while (i < len && strchr(" \t\n\r\f\v", body[i])) i++;
        size_t start = i;
        while (i < len && !strchr(" \t\n\r\f\v", body[i])) i++;
        if (i > start) walk_push(w, list, sigil_word(w, n, body + start, i - start, m));
    }
    return list;
}

/* ---------------------------------------------------------------- collections */

static AstNode *kw_tuple(Walk *w, const mpc_ast_t *kwp)
{
    AstNode *t = walk_node(w, AST_TUPLE, kwp);
    walk_push(w, t, walk_kwkey(w, kwp->children[0]));
    walk_push(w, t, walk_expr(w, kwp->children[1]));
    return t;
}

/* Pushes the elements of an items/npargs node onto `into`: positional ones as they are,
 * keyword pairs as 2-tuples, either inline (lists) or gathered in one trailing LIST. */
static void elems_into(Walk *w, AstNode *into, const mpc_ast_t *n, Rule list_rule, bool kw_inline)
{
    AstNode *kw = NULL;
    mpc_ast_t *one, *one2;
    int count, k;
    mpc_ast_t *const *elems = kids_as(n, list_rule, &one, &count);
    for (int i = 0; i < count; i++) {
        Rule r = rule_of(elems[i]);
        if (r == R_COMMA) continue;
        if (r != R_KWL && r != R_NPKWL && r != R_KWP && r != R_NPKW) {
            walk_push(w, into, walk_expr(w, elems[i]));
            continue;
        }
        mpc_ast_t *const *pairs = kids_as(elems[i], r == R_NPKWL || r == R_NPKW ? R_NPKWL : R_KWL, &one2, &k);
        for (int j = 0; j < k; j++) {
            if (rule_of(pairs[j]) == R_COMMA) continue;
            AstNode *t = kw_tuple(w, pairs[j]);
            if (!kw_inline && !kw) {
                kw = walk_node_like(w, AST_LIST, t);
                walk_push(w, into, kw);
            }
            walk_push(w, kw_inline ? into : kw, t);
        }
    }
}

void walk_args_into(Walk *w, AstNode *call, const mpc_ast_t *n, Rule list_rule)
{
    elems_into(w, call, n, list_rule, false);
}

/* [a, b: 1 | tail] */
static AstNode *walk_list(Walk *w, const mpc_ast_t *n)
{
    AstNode *list = walk_node(w, AST_LIST, n);
    for (int i = 1; i < n->children_num - 1; i++) {
        const mpc_ast_t *k = n->children[i];
        if (is_char(k, '|')) {
            list->a = walk_expr(w, n->children[++i]);
        } else if (rule_of(k) != R_COMMA) {
            elems_into(w, list, k, R_ITEMS, true);
        }
    }
    return list;
}

/* {a, b, c: 1} */
static AstNode *walk_tuple(Walk *w, const mpc_ast_t *n)
{
    AstNode *t = walk_node(w, AST_TUPLE, n);
    for (int i = 1; i < n->children_num - 1; i++)
        if (rule_of(n->children[i]) != R_COMMA) elems_into(w, t, n->children[i], R_ITEMS, false);
    return t;
}

static AstNode *pair_node(Walk *w, AstNode *key, AstNode *value)
{
    AstNode *p = walk_node_like(w, AST_PAIR, key);
    p->a = key;
    p->b = value;
    return p;
}

/* The pairs of a map or struct body (mapin, pairs, or a single pair) onto m. */
static void pairs_into(Walk *w, AstNode *m, const mpc_ast_t *n)
{
    if (rule_of(n) == R_MAPIN) {
        m->a = walk_expr(w, n->children[0]);
        n = n->children[2];
    }
    mpc_ast_t *one, *one2;
    int count, k;
    mpc_ast_t *const *items = kids_as(n, R_PAIRS, &one, &count);
    for (int i = 0; i < count; i++) {
        Rule r = rule_of(items[i]);
        if (r == R_PAIR) {
            const mpc_ast_t *p = items[i];
            walk_push(w, m, pair_node(w, walk_expr(w, p->children[0]), walk_expr(w, p->children[2])));
        } else if (r == R_KWL || r == R_KWP) {
            mpc_ast_t *const *kws = kids_as(items[i], R_KWL, &one2, &k);
            for (int j = 0; j < k; j++) {
                if (rule_of(kws[j]) == R_COMMA) continue;
                AstNode *key = walk_kwkey(w, kws[j]->children[0]);
                walk_push(w, m, pair_node(w, key, walk_expr(w, kws[j]->children[1])));
            }
        }
    }
}

/* %{...} (first child "%{") and %Name{...} (children '%', alias, '{'). */
static AstNode *walk_map(Walk *w, const mpc_ast_t *n, bool is_struct)
{
    AstNode *m = walk_node(w, is_struct ? AST_STRUCT : AST_MAP, n);
    int first = 1;
    if (is_struct) {
        m->name = walk_str(w, n->children[1]->contents);
        first = 3;
    }
    for (int i = first; i < n->children_num - 1; i++)
        if (rule_of(n->children[i]) != R_COMMA) pairs_into(w, m, n->children[i]);
    return m;
}

/* ---------------------------------------------------------------- dispatch */

static AstNode *walk_caparg(Walk *w, const mpc_ast_t *n)
{
    long v = strtol(n->contents + 1, NULL, 10);
    if (v < 1 || v > 255 || n->contents[1] == '0') walk_fail_at(w, n, "invalid capture argument %s", n->contents);
    if (w->capture == 0)
        walk_fail_at(w, n, "capture argument %s must be used within the capture operator &", n->contents);
    AstNode *c = walk_node(w, AST_CAPTURE_ARG, n);
    c->ival = v;
    if ((uint32_t)v > w->capmax) w->capmax = (uint32_t)v;
    w->capseen[(v - 1) / 64] |= 1ull << ((v - 1) % 64);
    return c;
}

/* &+/2: a reference to an operator as a function. */
static AstNode *walk_opref(Walk *w, const mpc_ast_t *n)
{
    const char *slash = strrchr(n->contents, '/');
    AstNode *ref = walk_node(w, AST_FUNREF, n);
    ref->name = walk_strn(w, n->contents + 1, (size_t)(slash - n->contents - 1));
    ref->ival = strtol(slash + 1, NULL, 10);
    return ref;
}

AstNode *walk_literal(Walk *w, const mpc_ast_t *n, Rule r)
{
    AstNode *x;
    switch (r) {
    case R_NUM: return walk_number(w, n, NULL);
    case R_CHR: return walk_char(w, n);
    case R_CAPARG: return walk_caparg(w, n);
    case R_OPREF: return walk_opref(w, n);
    case R_ATOM:
    case R_LIT:
        x = walk_node(w, AST_ATOM, n);
        x->name = walk_str(w, n->contents + (r == R_ATOM));
        return x;
    case R_QATOM: return atom_from(w, n, plain_text(w, n->children[1], "atoms"));
    case R_ALIAS:
        x = walk_node(w, AST_ALIAS, n);
        x->name = walk_str(w, n->contents);
        return x;
    case R_DSTR: return walk_text(w, n, false);
    case R_HEREDOC: return walk_text(w, n, true);
    case R_CLIST: return walk_charlist(w, n);
    case R_SIGIL: return walk_sigil(w, n);
    case R_LIST: return walk_list(w, n);
    case R_TUPLE: return walk_tuple(w, n);
    case R_MAP: return walk_map(w, n, false);
    case R_STRUCT: return walk_map(w, n, true);
    default: walk_fail_at(w, n, "internal error: unexpected '%s' in the syntax tree", n->tag);
    }
}
