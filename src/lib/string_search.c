/* string_search.c: the String functions that look for plain patterns (a string or a list of
 * strings; no regexes): contains?, starts_with?, ends_with?, split/1,2,3, replace/3,4 (a
 * function replacement is applied by String.__replace_fun__ in src/lib/string.ex),
 * replace_prefix/suffix/leading/trailing, trim/1,2, trim_leading/1,2, trim_trailing/1,2.
 * Where several patterns match, the leftmost match wins, then the longest, as Erlang's
 * binary:split/3 and binary:replace/4 choose. Registered from string.c's table.
 */
#include <string.h>

#include "lib/enum.h"
#include "lib/libs.h"
#include "lib/strings.h"
#include "lib/utf8.h"
#include "vm/error.h"

#define MAX_PATTERNS 64

typedef struct Pattern {
    const char *s[MAX_PATTERNS];
    size_t len[MAX_PATTERNS];
    int n;
} Pattern;

/* Reads a pattern (a binary or a non-empty list of binaries); false if it is not one. */
static bool pattern_read(Value v, Pattern *pat)
{
    pat->n = 0;
    if (val_is_binary(v)) {
        pat->s[0] = val_binary_bytes(v), pat->len[0] = val_binary_len(v), pat->n = 1;
        return true;
    }
    for (; val_is_cons(v) && pat->n < MAX_PATTERNS; v = val_tail(v), pat->n++) {
        if (!val_is_binary(val_head(v))) return false;
        pat->s[pat->n] = val_binary_bytes(val_head(v)), pat->len[pat->n] = val_binary_len(val_head(v));
    }
    return v == VAL_NIL && pat->n > 0;
}

static bool pattern_has_empty(const Pattern *pat)
{
    for (int k = 0; k < pat->n; k++)
        if (pat->len[k] == 0) return true;
    return false;
}

static Value bad_pattern(Process *p, int argno)
{
    return err_badarg_at(p, argno, "not a valid pattern");
}

/* The length of the longest pattern matching s[i..n), or -1. */
static long match_at(const char *s, size_t n, size_t i, const Pattern *pat)
{
    long best = -1;
    for (int k = 0; k < pat->n; k++)
        if (pat->len[k] <= n - i && (long)pat->len[k] > best && memcmp(s + i, pat->s[k], pat->len[k]) == 0)
            best = (long)pat->len[k];
    return best;
}

/* The first position >= from where a (non-empty) pattern matches, with its length in *len;
 * n if none. */
static size_t find(const char *s, size_t n, size_t from, const Pattern *pat, size_t *len)
{
    if (pat->n == 1) {
        const char *hit = from < n ? memmem(s + from, n - from, pat->s[0], pat->len[0]) : NULL;
        *len = pat->len[0];
        return hit ? (size_t)(hit - s) : n;
    }
    for (size_t i = from; i < n; i++) {
        long m = match_at(s, n, i, pat);
        if (m > 0) return *len = (size_t)m, i;
    }
    return n;
}

Value string_contains(Process *p, const Value *a)
{
    Pattern pat;
    if (!val_is_binary(a[0])) return str_fclause(p, "contains?", 2, a);
    if (!pattern_read(a[1], &pat)) return bad_pattern(p, 2);
    if (pattern_has_empty(&pat)) return ATOM_TRUE;
    size_t len, n = val_binary_len(a[0]);
    return val_bool(find(val_binary_bytes(a[0]), n, 0, &pat, &len) < n);
}

/* starts_with? (at_end false) or ends_with? for any of the patterns. */
static Value affix(Process *p, const Value *a, bool at_end)
{
    Pattern pat;
    if (!val_is_binary(a[0])) return str_fclause(p, at_end ? "ends_with?" : "starts_with?", 2, a);
    if (!pattern_read(a[1], &pat)) return bad_pattern(p, 2);
    const char *s = val_binary_bytes(a[0]);
    size_t n = val_binary_len(a[0]);
    for (int k = 0; k < pat.n; k++)
        if (pat.len[k] <= n && memcmp(s + (at_end ? n - pat.len[k] : 0), pat.s[k], pat.len[k]) == 0) return ATOM_TRUE;
    return ATOM_FALSE;
}

Value string_starts_with(Process *p, const Value *a) { return affix(p, a, false); }
Value string_ends_with(Process *p, const Value *a) { return affix(p, a, true); }

/* Splitting state: the parts so far, the options, and how many parts were kept. */
typedef struct Splitter {
    ListBuilder out;
    int64_t parts; /* most parts to make, 0 for no limit */
    int64_t kept;
    bool trim;
} Splitter;

/* Adds s[i..j) as a part (dropped when empty and trimming); false if memory ran out. */
static bool add_part(Process *p, Splitter *sp, const char *s, size_t i, size_t j)
{
    if (sp->trim && i == j) return true;
    Value v = val_make_binary(&p->arena, s + i, j - i);
    sp->kept++;
    return v != THE_NON_VALUE && lb_push(p, &sp->out, v);
}

static bool last_part(Splitter *sp) { return sp->parts > 0 && sp->kept + 1 >= sp->parts; }

/* Splits s[0..n) at every match of pat (an empty pattern splits between graphemes, with an
 * empty part at each end). */
static Value split(Process *p, const char *s, size_t n, const Pattern *pat, Splitter *sp)
{
    size_t start = 0;
    if (pattern_has_empty(pat)) {
        if (!last_part(sp) && !add_part(p, sp, s, 0, 0)) return err_system_limit(p);
        for (size_t i = 0; i < n && !last_part(sp); start = i = utf8_grapheme_end(s, n, i))
            if (!add_part(p, sp, s, i, utf8_grapheme_end(s, n, i))) return err_system_limit(p);
    } else {
        for (size_t len; !last_part(sp);) {
            size_t at = find(s, n, start, pat, &len);
            if (at >= n) break;
            if (!add_part(p, sp, s, start, at)) return err_system_limit(p);
            start = at + len;
        }
    }
    if (!add_part(p, sp, s, start, n)) return err_system_limit(p);
    return lb_finish(&sp->out, VAL_NIL);
}

static Value split_opts(Process *p, const Value *a, Splitter *sp)
{
    lb_init(&sp->out);
    sp->kept = 0;
    sp->parts = 0;
    sp->trim = false;
    Value parts = lib_kw_get(a[2], "parts"), trim = lib_kw_get(a[2], "trim");
    if (parts != THE_NON_VALUE && parts != ATOM_INFINITY) {
        if (!val_is_int(parts) || val_int_get(parts) <= 0) return str_fclause(p, "split", 3, a);
        sp->parts = val_int_get(parts);
    }
    sp->trim = trim != THE_NON_VALUE && val_truthy(trim);
    return ATOM_OK;
}

Value string_split3(Process *p, const Value *a)
{
    Pattern pat;
    Splitter sp;
    if (!val_is_binary(a[0]) || !val_is_list(a[2])) return str_fclause(p, "split", 3, a);
    if (!pattern_read(a[1], &pat)) return bad_pattern(p, 2);
    if (split_opts(p, a, &sp) == THE_NON_VALUE) return THE_NON_VALUE;
    return split(p, val_binary_bytes(a[0]), val_binary_len(a[0]), &pat, &sp);
}

Value string_split2(Process *p, const Value *a)
{
    Value b[3] = {a[0], a[1], VAL_NIL};
    return string_split3(p, b);
}

/* String.split/1: the runs of non-whitespace. */
Value string_split1(Process *p, const Value *a)
{
    if (!val_is_binary(a[0])) return str_fclause(p, "split", 1, a);
    const char *s = val_binary_bytes(a[0]);
    size_t n = val_binary_len(a[0]), start = 0;
    ListBuilder b;
    lb_init(&b);
    for (size_t i = 0; i <= n;) {
        int32_t c = ' ';
        size_t len = i < n ? utf8_decode(s, n, i, &c) : 1;
        if (i == n || utf8_is_break_space(c)) {
            Value part = i > start ? val_make_binary(&p->arena, s + start, i - start) : VAL_NIL;
            if (part == THE_NON_VALUE || (i > start && !lb_push(p, &b, part))) return err_system_limit(p);
            start = i + len;
        }
        i += len;
    }
    return lb_finish(&b, VAL_NIL);
}

/* The pieces of s around the matches: [before, match, before, match, ..., rest]; only the
 * first match unless `global`. An empty pattern matches between graphemes and at both ends. */
static Value around_matches(Process *p, const char *s, size_t n, const Pattern *pat, bool global)
{
    ListBuilder b;
    lb_init(&b);
    bool empty = pattern_has_empty(pat);
    size_t start = 0, at = 0, len = 0;
    for (;;) {
        if (!empty && (at = find(s, n, start, pat, &len)) >= n) break;
        Value before = val_make_binary(&p->arena, s + start, at - start);
        Value match = val_make_binary(&p->arena, s + at, len);
        if (before == THE_NON_VALUE || match == THE_NON_VALUE || !lb_push(p, &b, before) || !lb_push(p, &b, match))
            return err_system_limit(p);
        start = at + len;
        if (!global || (empty && at == n)) break;
        if (empty) at = utf8_grapheme_end(s, n, at);
    }
    Value rest = val_make_binary(&p->arena, s + start, n - start);
    if (rest == THE_NON_VALUE || !lb_push(p, &b, rest)) return err_system_limit(p);
    return lb_finish(&b, VAL_NIL);
}

Value string_replace4(Process *p, const Value *a)
{
    Pattern pat;
    if (!val_is_binary(a[0]) || !val_is_list(a[3])) return str_fclause(p, "replace", 4, a);
    if (!pattern_read(a[1], &pat)) return bad_pattern(p, 2);
    if (!val_is_binary(a[2]) && !(val_is_fun(a[2]) && val_fun_info(a[2])->arity == 1))
        return str_fclause(p, "replace", 4, a);
    Value g = lib_kw_get(a[3], "global");
    Value parts = around_matches(p, val_binary_bytes(a[0]), val_binary_len(a[0]), &pat, g == THE_NON_VALUE || val_truthy(g));
    if (parts == THE_NON_VALUE) return parts;
    if (val_is_fun(a[2])) {
        Value mf[2] = {val_atom_cstr("Elixir.String"), val_atom_cstr("__replace_fun__")};
        Value args[2] = {parts, a[2]};
        return builtin_tail_call(p, val_make_tuple_from(&p->arena, mf, 2), val_make_list(&p->arena, args, 2, VAL_NIL));
    }
    StrBuf sb = {0};
    for (bool is_match = false; val_is_cons(parts); parts = val_tail(parts), is_match = !is_match) {
        Value piece = is_match ? a[2] : val_head(parts);
        strbuf_append(&sb, val_binary_bytes(piece), val_binary_len(piece));
    }
    return lib_binary_sb(p, &sb);
}

Value string_replace3(Process *p, const Value *a)
{
    Value b[4] = {a[0], a[1], a[2], VAL_NIL};
    return string_replace4(p, b);
}

/* replace_prefix (at_end false) / replace_suffix: one match at the edge, "" always matches. */
static Value replace_affix(Process *p, const Value *a, bool at_end)
{
    if (!val_is_binary(a[0]) || !val_is_binary(a[1]) || !val_is_binary(a[2]))
        return str_fclause(p, at_end ? "replace_suffix" : "replace_prefix", 3, a);
    const char *s = val_binary_bytes(a[0]), *m = val_binary_bytes(a[1]);
    size_t n = val_binary_len(a[0]), k = val_binary_len(a[1]);
    if (k > n || memcmp(s + (at_end ? n - k : 0), m, k) != 0) return a[0];
    StrBuf sb = {0};
    if (at_end) strbuf_append(&sb, s, n - k);
    strbuf_append(&sb, val_binary_bytes(a[2]), val_binary_len(a[2]));
    if (!at_end) strbuf_append(&sb, s + k, n - k);
    return lib_binary_sb(p, &sb);
}

Value string_replace_prefix(Process *p, const Value *a) { return replace_affix(p, a, false); }
Value string_replace_suffix(Process *p, const Value *a) { return replace_affix(p, a, true); }

/* How many times m[0..k) repeats at the start (at_end false) or the end of s[0..n). */
static size_t repeats(const char *s, size_t n, const char *m, size_t k, bool at_end)
{
    size_t times = 0;
    if (k == 0) return 0;
    for (size_t used = 0; used + k <= n; used += k, times++)
        if (memcmp(s + (at_end ? n - used - k : used), m, k) != 0) break;
    return times;
}

/* replace_leading / replace_trailing: every repeat of the match at the edge is replaced. */
static Value replace_edge(Process *p, const Value *a, bool at_end)
{
    if (!val_is_binary(a[0]) || !val_is_binary(a[1]) || !val_is_binary(a[2]))
        return str_fclause(p, at_end ? "replace_trailing" : "replace_leading", 3, a);
    if (val_binary_len(a[1]) == 0) return err_argument(p, "cannot use an empty string as the match to replace");
    const char *s = val_binary_bytes(a[0]);
    size_t n = val_binary_len(a[0]), k = val_binary_len(a[1]);
    size_t times = repeats(s, n, val_binary_bytes(a[1]), k, at_end);
    StrBuf sb = {0};
    if (at_end) strbuf_append(&sb, s, n - times * k);
    for (size_t i = 0; i < times; i++) strbuf_append(&sb, val_binary_bytes(a[2]), val_binary_len(a[2]));
    if (!at_end) strbuf_append(&sb, s + times * k, n - times * k);
    return lib_binary_sb(p, &sb);
}

Value string_replace_leading(Process *p, const Value *a) { return replace_edge(p, a, false); }
Value string_replace_trailing(Process *p, const Value *a) { return replace_edge(p, a, true); }

/* The end of the leading whitespace of s[0..n) / the start of the trailing whitespace. */
static size_t space_end(const char *s, size_t n)
{
    size_t i = 0;
    for (int32_t c; i < n;) {
        size_t len = utf8_decode(s, n, i, &c);
        if (!utf8_is_space(c)) break;
        i += len;
    }
    return i;
}

static size_t space_start(const char *s, size_t n)
{
    size_t keep = 0;
    for (size_t i = 0; i < n;) {
        int32_t c;
        i += utf8_decode(s, n, i, &c);
        if (!utf8_is_space(c)) keep = i;
    }
    return keep;
}

/* Trims whitespace (to_trim NONE) or repeats of to_trim: lead/trail say which ends. */
static Value trim(Process *p, const Value *a, bool with_arg, bool lead, bool trail, const char *name)
{
    if (!val_is_binary(a[0]) || (with_arg && !val_is_binary(a[1]))) return str_fclause(p, name, with_arg ? 2 : 1, a);
    const char *s = val_binary_bytes(a[0]);
    size_t n = val_binary_len(a[0]), lo = 0, hi = n;
    if (!with_arg) {
        if (lead) lo = space_end(s, n);
        if (trail) hi = lo + space_start(s + lo, n - lo);
    } else {
        const char *m = val_binary_bytes(a[1]);
        size_t k = val_binary_len(a[1]);
        if (lead) lo = repeats(s, n, m, k, false) * k;
        if (trail) hi = n - repeats(s + lo, n - lo, m, k, true) * k;
    }
    return lo == 0 && hi == n ? a[0] : str_make(p, s + lo, hi - lo);
}

Value string_trim1(Process *p, const Value *a) { return trim(p, a, false, true, true, "trim"); }
Value string_trim2(Process *p, const Value *a) { return trim(p, a, true, true, true, "trim"); }
Value string_trim_leading1(Process *p, const Value *a) { return trim(p, a, false, true, false, "trim_leading"); }
Value string_trim_leading2(Process *p, const Value *a) { return trim(p, a, true, true, false, "trim_leading"); }
Value string_trim_trailing1(Process *p, const Value *a) { return trim(p, a, false, false, true, "trim_trailing"); }
Value string_trim_trailing2(Process *p, const Value *a) { return trim(p, a, true, false, true, "trim_trailing"); }
