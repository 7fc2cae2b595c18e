/* string.c: the String module's table and its functions on graphemes: length, at, first,
 * last, graphemes, codepoints, next_grapheme, next_codepoint, reverse, slice/2,3, split_at,
 * duplicate, pad_leading/2,3, pad_trailing/2,3, valid?, printable?. Case mapping and
 * conversions are in string_case.c, pattern searches in string_search.c (strings.h).
 * A non-binary where Elixir's guard wants one raises FunctionClauseError for the arity Elixir
 * reports (String.upcase/1 reports upcase/2, because of its default argument).
 */
#include <stdio.h>
#include <stdlib.h>

#include "lib/enum.h"
#include "lib/libs.h"
#include "lib/strings.h"
#include "lib/utf8.h"
#include "value/inspect.h"
#include "vm/error.h"

Value str_fclause(Process *p, const char *name, uint32_t arity, const Value *args)
{
    return enum_fclause(p, "String", name, arity, args);
}

Value str_make(Process *p, const char *s, size_t n)
{
    Value v = val_make_binary(&p->arena, s, n);
    return v == THE_NON_VALUE ? err_system_limit(p) : v;
}

#define BYTES(v) val_binary_bytes(v), val_binary_len(v)

static Value string_length(Process *p, const Value *a)
{
    if (!val_is_binary(a[0])) return str_fclause(p, "length", 1, a);
    return val_make_int(&p->arena, (int64_t)utf8_grapheme_count(BYTES(a[0])));
}

/* The grapheme at index i (negative from the end) of binary s, or nil. */
static Value grapheme_at(Process *p, Value s, int64_t i)
{
    const char *b = val_binary_bytes(s);
    size_t n = val_binary_len(s);
    if (i < 0) i += (int64_t)utf8_grapheme_count(b, n);
    if (i < 0) return ATOM_NIL;
    size_t start = utf8_grapheme_offset(b, n, (size_t)i);
    if (start >= n) return ATOM_NIL;
    return str_make(p, b + start, utf8_grapheme_end(b, n, start) - start);
}

static Value string_at(Process *p, const Value *a)
{
    if (!val_is_binary(a[0]) || !val_is_int(a[1])) return str_fclause(p, "at", 2, a);
    return grapheme_at(p, a[0], val_int_get(a[1]));
}

static Value string_first(Process *p, const Value *a)
{
    if (!val_is_binary(a[0])) return str_fclause(p, "first", 1, a);
    return grapheme_at(p, a[0], 0);
}

static Value string_last(Process *p, const Value *a)
{
    if (!val_is_binary(a[0])) return str_fclause(p, "last", 1, a);
    return grapheme_at(p, a[0], -1);
}

/* The graphemes (or code points) of s as a list of binaries. */
static Value pieces(Process *p, Value s, bool graphemes)
{
    const char *b = val_binary_bytes(s);
    size_t n = val_binary_len(s);
    ListBuilder lb;
    lb_init(&lb);
    int32_t cp;
    for (size_t i = 0, j; i < n; i = j) {
        j = graphemes ? utf8_grapheme_end(b, n, i) : i + utf8_decode(b, n, i, &cp);
        Value g = val_make_binary(&p->arena, b + i, j - i);
        if (g == THE_NON_VALUE || !lb_push(p, &lb, g)) return err_system_limit(p);
    }
    return lb_finish(&lb, VAL_NIL);
}

static Value string_graphemes(Process *p, const Value *a)
{
    if (!val_is_binary(a[0])) return str_fclause(p, "graphemes", 1, a);
    return pieces(p, a[0], true);
}

static Value string_codepoints(Process *p, const Value *a)
{
    if (!val_is_binary(a[0])) return str_fclause(p, "codepoints", 1, a);
    return pieces(p, a[0], false);
}

/* {first piece, rest} or nil for "". */
static Value next_piece(Process *p, Value s, bool grapheme)
{
    const char *b = val_binary_bytes(s);
    size_t n = val_binary_len(s);
    if (n == 0) return ATOM_NIL;
    int32_t cp;
    size_t j = grapheme ? utf8_grapheme_end(b, n, 0) : utf8_decode(b, n, 0, &cp);
    Value t[2] = {str_make(p, b, j), str_make(p, b + j, n - j)};
    return val_make_tuple_from(&p->arena, t, 2);
}

static Value string_next_grapheme(Process *p, const Value *a)
{
    if (!val_is_binary(a[0])) return str_fclause(p, "next_grapheme", 1, a);
    return next_piece(p, a[0], true);
}

static Value string_next_codepoint(Process *p, const Value *a)
{
    if (!val_is_binary(a[0])) return str_fclause(p, "next_codepoint", 1, a);
    return next_piece(p, a[0], false);
}

static Value string_reverse(Process *p, const Value *a)
{
    if (!val_is_binary(a[0])) return str_fclause(p, "reverse", 1, a);
    const char *b = val_binary_bytes(a[0]);
    size_t n = val_binary_len(a[0]);
    Value r = val_make_binary_uninit(&p->arena, n);
    if (r == THE_NON_VALUE) return err_system_limit(p);
    char *d = val_binary_mut(r);
    for (size_t i = 0, j; i < n; i = j) {
        j = utf8_grapheme_end(b, n, i);
        memcpy(d + n - j, b + i, j - i);
    }
    return r;
}

/* Graphemes [from, from + count) of s (from >= 0; both clipped to the string). */
static Value graphemes_part(Process *p, Value s, size_t from, size_t count)
{
    const char *b = val_binary_bytes(s);
    size_t n = val_binary_len(s);
    size_t start = utf8_grapheme_offset(b, n, from);
    size_t end = start;
    for (; end < n && count > 0; count--) end = utf8_grapheme_end(b, n, end);
    return str_make(p, b + start, end - start);
}

static Value string_slice3(Process *p, const Value *a)
{
    if (!val_is_binary(a[0]) || !val_is_int(a[1]) || !val_is_int(a[2]) || val_int_get(a[2]) < 0)
        return str_fclause(p, "slice", 3, a);
    int64_t start = val_int_get(a[1]), len = val_int_get(a[2]);
    if (start < 0) {
        start += (int64_t)utf8_grapheme_count(BYTES(a[0]));
        if (start < 0) start = 0;
    }
    return graphemes_part(p, a[0], (size_t)start, (size_t)len);
}

/* String.slice(s, first..last//step): the same index rules as Enum.slice/2. */
static Value string_slice2(Process *p, const Value *a)
{
    EnumRange r;
    if (!val_is_binary(a[0]) || !enum_range(a[1], &r)) return str_fclause(p, "slice", 2, a);
    if (r.step == -1 && r.first > r.last) r.step = 1;
    if (r.step < 0) {
        StrBuf sb = {0};
        strbuf_puts(&sb, "String.slice/2 does not accept ranges with negative steps, got: ");
        inspect_append(&sb, a[1], NULL);
        Value v = err_argument(p, strbuf_cstr(&sb));
        strbuf_free(&sb);
        return v;
    }
    int64_t size = (int64_t)utf8_grapheme_count(BYTES(a[0]));
    int64_t first = r.first < 0 ? r.first + size : r.first, last = r.last < 0 ? r.last + size : r.last;
    if (first < 0) first = 0;
    if (last >= size) last = size - 1;
    if (first >= size || last < first) return str_make(p, "", 0);
    if (r.step == 1) return graphemes_part(p, a[0], (size_t)first, (size_t)(last - first + 1));
    StrBuf sb = {0};
    const char *b = val_binary_bytes(a[0]);
    size_t n = val_binary_len(a[0]), i = utf8_grapheme_offset(b, n, (size_t)first);
    for (int64_t k = 0; k <= last - first && i < n; k++) {
        size_t j = utf8_grapheme_end(b, n, i);
        if (k % r.step == 0) strbuf_append(&sb, b + i, j - i);
        i = j;
    }
    return lib_binary_sb(p, &sb);
}

static Value string_split_at(Process *p, const Value *a)
{
    if (!val_is_binary(a[0]) || !val_is_int(a[1])) return str_fclause(p, "split_at", 2, a);
    const char *b = val_binary_bytes(a[0]);
    size_t n = val_binary_len(a[0]);
    int64_t i = val_int_get(a[1]);
    if (i < 0) {
        i += (int64_t)utf8_grapheme_count(b, n);
        if (i < 0) i = 0;
    }
    size_t at = utf8_grapheme_offset(b, n, (size_t)i);
    Value t[2] = {str_make(p, b, at), str_make(p, b + at, n - at)};
    return val_make_tuple_from(&p->arena, t, 2);
}

static Value string_duplicate(Process *p, const Value *a)
{
    if (!val_is_binary(a[0])) return str_fclause(p, "duplicate", 2, a);
    if (!val_is_int(a[1])) return err_badarg_at(p, 2, "not an integer");
    if (val_int_get(a[1]) < 0) return err_badarg_at(p, 2, "out of range");
    size_t len = val_binary_len(a[0]), times = (size_t)val_int_get(a[1]);
    if (len && times > ((size_t)1 << 40) / len) return err_system_limit(p);
    Value r = val_make_binary_uninit(&p->arena, len * times);
    if (r == THE_NON_VALUE) return err_system_limit(p);
    for (size_t i = 0; i < times; i++) memcpy(val_binary_mut(r) + i * len, val_binary_bytes(a[0]), len);
    return r;
}

/* pad_leading / pad_trailing: `padding` is a string (its graphemes are the units) or a list of
 * strings; they repeat until the string has `count` graphemes. */
static Value pad(Process *p, const Value *a, bool leading)
{
    const char *name = leading ? "pad_leading" : "pad_trailing";
    Value units = val_is_binary(a[2]) ? pieces(p, a[2], true) : a[2];
    if (!val_is_binary(a[0]) || !val_is_int(a[1]) || val_int_get(a[1]) < 0 || units == THE_NON_VALUE ||
        !val_is_cons(units))
        return str_fclause(p, name, 3, a);
    for (Value u = units; val_is_cons(u); u = val_tail(u))
        if (!val_is_binary(val_head(u))) return str_fclause(p, name, 3, a);
    int64_t have = (int64_t)utf8_grapheme_count(BYTES(a[0])), want = val_int_get(a[1]);
    if (have >= want) return a[0];
    StrBuf sb = {0};
    if (!leading) strbuf_append(&sb, BYTES(a[0]));
    for (Value u = units; have < want; have++) {
        strbuf_append(&sb, BYTES(val_head(u)));
        u = val_is_cons(val_tail(u)) ? val_tail(u) : units;
    }
    if (leading) strbuf_append(&sb, BYTES(a[0]));
    return lib_binary_sb(p, &sb);
}

static Value string_pad_leading2(Process *p, const Value *a)
{
    Value b[3] = {a[0], a[1], lib_binary(p, " ")};
    return pad(p, b, true);
}

static Value string_pad_trailing2(Process *p, const Value *a)
{
    Value b[3] = {a[0], a[1], lib_binary(p, " ")};
    return pad(p, b, false);
}

static Value string_pad_leading3(Process *p, const Value *a) { return pad(p, a, true); }
static Value string_pad_trailing3(Process *p, const Value *a) { return pad(p, a, false); }

static Value string_valid(Process *p, const Value *a)
{
    if (!val_is_binary(a[0])) return str_fclause(p, "valid?", 1, a);
    const char *b = val_binary_bytes(a[0]);
    size_t n = val_binary_len(a[0]);
    int32_t cp;
    for (size_t i = 0; i < n;) {
        i += utf8_decode(b, n, i, &cp);
        if (cp < 0) return ATOM_FALSE;
    }
    return ATOM_TRUE;
}

/* Printable as Elixir's String.printable?/1: valid UTF-8 with no control characters other
 * than \n \r \t \v \b \f \e \a, and no noncharacters. */
static Value string_printable(Process *p, const Value *a)
{
    if (!val_is_binary(a[0])) return str_fclause(p, "printable?", 2, a);
    const char *b = val_binary_bytes(a[0]);
    size_t n = val_binary_len(a[0]);
    int32_t c;
    for (size_t i = 0; i < n;) {
        i += utf8_decode(b, n, i, &c);
        bool ok = c >= 0x20 ? c != 0x7F && !(c >= 0x80 && c < 0xA0) && c != 0xFFFE && c != 0xFFFF
                            : (c >= 7 && c <= 13) || c == 27;
        if (!ok) return ATOM_FALSE;
    }
    return ATOM_TRUE;
}

static const Builtin string_builtins[] = {
    {"length", 1, string_length}, {"at", 2, string_at}, {"first", 1, string_first},
    {"last", 1, string_last}, {"graphemes", 1, string_graphemes}, {"codepoints", 1, string_codepoints},
    {"next_grapheme", 1, string_next_grapheme}, {"next_codepoint", 1, string_next_codepoint},
    {"reverse", 1, string_reverse}, {"slice", 2, string_slice2}, {"slice", 3, string_slice3},
    {"split_at", 2, string_split_at}, {"duplicate", 2, string_duplicate},
    {"pad_leading", 2, string_pad_leading2}, {"pad_leading", 3, string_pad_leading3},
    {"pad_trailing", 2, string_pad_trailing2}, {"pad_trailing", 3, string_pad_trailing3},
    {"valid?", 1, string_valid}, {"printable?", 1, string_printable},
    {"upcase", 1, string_upcase1}, {"upcase", 2, string_upcase2}, {"downcase", 1, string_downcase1},
    {"downcase", 2, string_downcase2}, {"capitalize", 1, string_capitalize1},
    {"capitalize", 2, string_capitalize2}, {"to_integer", 1, string_to_integer1},
    {"to_integer", 2, string_to_integer2}, {"to_float", 1, string_to_float}, {"to_atom", 1, string_to_atom},
    {"to_existing_atom", 1, string_to_existing_atom}, {"to_charlist", 1, string_to_charlist},
    {"contains?", 2, string_contains}, {"starts_with?", 2, string_starts_with},
    {"ends_with?", 2, string_ends_with}, {"split", 1, string_split1}, {"split", 2, string_split2},
    {"split", 3, string_split3}, {"replace", 3, string_replace3}, {"replace", 4, string_replace4},
    {"replace_prefix", 3, string_replace_prefix}, {"replace_suffix", 3, string_replace_suffix},
    {"replace_leading", 3, string_replace_leading}, {"replace_trailing", 3, string_replace_trailing},
    {"trim", 1, string_trim1}, {"trim", 2, string_trim2}, {"trim_leading", 1, string_trim_leading1},
    {"trim_leading", 2, string_trim_leading2}, {"trim_trailing", 1, string_trim_trailing1},
    {"trim_trailing", 2, string_trim_trailing2},
};

void lib_string_init(void)
{
    LIB_REGISTER("Elixir.String", string_builtins);
}
