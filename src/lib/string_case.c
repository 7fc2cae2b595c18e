/* string_case.c: String's case mapping (upcase, downcase, capitalize, each with a mode:
 * :default, :ascii, :greek, :turkic; the last two map as :default) and its conversions
 * (to_integer/1,2, to_float, to_atom, to_existing_atom, to_charlist). Registered from
 * string.c's table.
 */
#include <stdio.h>

#include "lib/enum.h"
#include "lib/libs.h"
#include "lib/number.h"
#include "lib/strings.h"
#include "lib/utf8.h"
#include "value/inspect.h"
#include "vm/error.h"

enum { CASE_UP, CASE_DOWN, CASE_TITLE };

static bool valid_mode(Value m)
{
    return m == val_atom_cstr("default") || m == val_atom_cstr("ascii") || m == val_atom_cstr("greek") ||
           m == val_atom_cstr("turkic");
}

/* Appends code point c of s (bytes [i, i + len)) mapped by `how` to sb. */
static void put_mapped(StrBuf *sb, const char *s, size_t i, size_t len, int32_t c, int how, bool ascii)
{
    int32_t out[2];
    int n;
    if (c < 0 || (ascii && c >= 0x80)) {
        strbuf_append(sb, s + i, len);
        return;
    }
    if (how == CASE_DOWN) n = utf8_lower(c, out);
    else if (how == CASE_TITLE) n = utf8_title(c, out);
    else n = utf8_upper(c, out);
    for (int k = 0; k < n; k++) {
        char buf[4];
        strbuf_append(sb, buf, utf8_encode(out[k], buf));
    }
}

/* s with every code point from byte `from` on mapped by `how`; bytes before `from` as they are
 * (capitalize maps its first grapheme separately). */
static void map_case(StrBuf *sb, const char *s, size_t n, size_t from, int how, bool ascii)
{
    for (size_t i = from; i < n;) {
        int32_t c;
        size_t len = utf8_decode(s, n, i, &c);
        put_mapped(sb, s, i, len, c, how, ascii);
        i += len;
    }
}

static Value convert(Process *p, const Value *a, int how, const char *name)
{
    if (!val_is_binary(a[0]) || !valid_mode(a[1])) return str_fclause(p, name, 2, a);
    StrBuf sb = {0};
    bool ascii = a[1] == val_atom_cstr("ascii");
    const char *s = val_binary_bytes(a[0]);
    size_t n = val_binary_len(a[0]);
    if (how == CASE_TITLE && n > 0) {
        size_t g = utf8_grapheme_end(s, n, 0);
        int32_t c;
        size_t len = utf8_decode(s, n, 0, &c);
        put_mapped(&sb, s, 0, len, c, CASE_TITLE, ascii);
        strbuf_append(&sb, s + len, g - len);
        map_case(&sb, s, n, g, CASE_DOWN, ascii);
    } else {
        map_case(&sb, s, n, 0, how, ascii);
    }
    return lib_binary_sb(p, &sb);
}

static Value with_default(Process *p, const Value *a, int how, const char *name)
{
    Value b[2] = {a[0], val_atom_cstr("default")};
    return convert(p, b, how, name);
}

Value string_upcase1(Process *p, const Value *a) { return with_default(p, a, CASE_UP, "upcase"); }
Value string_upcase2(Process *p, const Value *a) { return convert(p, a, CASE_UP, "upcase"); }
Value string_downcase1(Process *p, const Value *a) { return with_default(p, a, CASE_DOWN, "downcase"); }
Value string_downcase2(Process *p, const Value *a) { return convert(p, a, CASE_DOWN, "downcase"); }
Value string_capitalize1(Process *p, const Value *a) { return with_default(p, a, CASE_TITLE, "capitalize"); }
Value string_capitalize2(Process *p, const Value *a) { return convert(p, a, CASE_TITLE, "capitalize"); }

static Value to_integer(Process *p, Value s, Value base)
{
    if (!val_is_binary(s)) return err_badarg_at(p, 1, "not a binary");
    if (!val_is_small(base) || val_small_get(base) < 2 || val_small_get(base) > 36)
        return err_badarg_at(p, 2, "not an integer in the range 2 through 36");
    int64_t v;
    size_t used, n = val_binary_len(s);
    NumParse r = num_parse_int(val_binary_bytes(s), n, (int)val_small_get(base), &v, &used);
    if (r == NUM_NONE || used != n) return num_not_textual(p, 1, "an integer");
    if (r == NUM_OVERFLOW) return err_system_limit(p);
    return val_make_int(&p->arena, v);
}

Value string_to_integer1(Process *p, const Value *a) { return to_integer(p, a[0], val_small(10)); }
Value string_to_integer2(Process *p, const Value *a) { return to_integer(p, a[0], a[1]); }

Value string_to_float(Process *p, const Value *a)
{
    if (!val_is_binary(a[0])) return err_badarg_at(p, 1, "not a binary");
    const char *s = val_binary_bytes(a[0]);
    size_t n = val_binary_len(a[0]), used;
    double d;
    if (!num_is_strict_float(s, n) || num_parse_float(s, n, &d, &used) != NUM_OK) return num_not_textual(p, 1, "a float");
    return val_make_float(&p->arena, d);
}

Value string_to_atom(Process *p, const Value *a)
{
    if (!val_is_binary(a[0])) return err_badarg_at(p, 1, "not a binary");
    if (utf8_grapheme_count(val_binary_bytes(a[0]), val_binary_len(a[0])) > 255) return err_system_limit(p);
    Value at = val_make_atom(val_binary_bytes(a[0]), val_binary_len(a[0]));
    return at == THE_NON_VALUE ? err_system_limit(p) : at;
}

Value string_to_existing_atom(Process *p, const Value *a)
{
    if (!val_is_binary(a[0])) return err_badarg_at(p, 1, "not a binary");
    uint32_t i = atom_lookup(val_binary_bytes(a[0]), val_binary_len(a[0]));
    return i == UINT32_MAX ? err_badarg_at(p, 1, "not an already existing atom") : val_atom(i);
}

/* UnicodeConversionError "invalid encoding starting at <<...>>" for the bytes from s[i]. */
static Value bad_encoding(Process *p, const char *s, size_t n, size_t i)
{
    Value rest = str_make(p, s + i, n - i);
    StrBuf sb = {0};
    strbuf_puts(&sb, "invalid encoding starting at ");
    inspect_append(&sb, rest, NULL);
    Value keys[2] = {val_atom_cstr("encoded"), ATOM_MESSAGE};
    Value vals[2] = {rest, lib_binary(p, strbuf_cstr(&sb))};
    strbuf_free(&sb);
    return raise_error(p, exc_make(p, val_atom_cstr("Elixir.UnicodeConversionError"), keys, vals, 2));
}

Value string_to_charlist(Process *p, const Value *a)
{
    if (!val_is_binary(a[0])) return str_fclause(p, "to_charlist", 1, a);
    const char *s = val_binary_bytes(a[0]);
    size_t n = val_binary_len(a[0]);
    ListBuilder b;
    lb_init(&b);
    for (size_t i = 0; i < n;) {
        int32_t c;
        size_t len = utf8_decode(s, n, i, &c);
        if (c < 0) return bad_encoding(p, s, n, i);
        if (!lb_push(p, &b, val_small(c))) return err_system_limit(p);
        i += len;
    }
    return lb_finish(&b, VAL_NIL);
}
