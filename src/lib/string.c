/* string.c: a first part of the String and Integer modules, in C (enough for tests; the
 * standard-library issue completes them): String.length/1, upcase/1, downcase/1, trim/1,
 * split/2, duplicate/2, to_integer/1, to_atom/1; Integer.to_string/1, parse/1. Strings are
 * UTF-8; case mapping is ASCII-only for now. */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/libs.h"
#include "vm/error.h"

static Value need_binary(Process *p, Value v)
{
    return val_is_binary(v) ? v : err_argument(p, "argument error");
}

static Value string_length(Process *p, const Value *a)
{
    if (need_binary(p, a[0]) == THE_NON_VALUE) return THE_NON_VALUE;
    const unsigned char *s = (const unsigned char *)val_binary_bytes(a[0]);
    int64_t n = 0;
    for (size_t i = 0; i < val_binary_len(a[0]); i++) n += (s[i] & 0xC0) != 0x80;
    return val_small(n);
}

static Value map_bytes(Process *p, Value v, int (*f)(int))
{
    if (need_binary(p, v) == THE_NON_VALUE) return THE_NON_VALUE;
    size_t n = val_binary_len(v);
    Value r = val_make_binary_uninit(&p->arena, n);
    if (r == THE_NON_VALUE) return err_system_limit(p);
    const char *s = val_binary_bytes(v);
    char *d = val_binary_mut(r);
    for (size_t i = 0; i < n; i++) d[i] = (unsigned char)s[i] < 128 ? (char)f((unsigned char)s[i]) : s[i];
    return r;
}

static Value string_upcase(Process *p, const Value *a) { return map_bytes(p, a[0], toupper); }
static Value string_downcase(Process *p, const Value *a) { return map_bytes(p, a[0], tolower); }

static Value string_trim(Process *p, const Value *a)
{
    if (need_binary(p, a[0]) == THE_NON_VALUE) return THE_NON_VALUE;
    const char *s = val_binary_bytes(a[0]);
    size_t lo = 0, hi = val_binary_len(a[0]);
    while (lo < hi && isspace((unsigned char)s[lo])) lo++;
    while (hi > lo && isspace((unsigned char)s[hi - 1])) hi--;
    return val_make_binary(&p->arena, s + lo, hi - lo);
}

static Value string_split(Process *p, const Value *a)
{
    if (need_binary(p, a[0]) == THE_NON_VALUE || need_binary(p, a[1]) == THE_NON_VALUE) return THE_NON_VALUE;
    const char *s = val_binary_bytes(a[0]), *sep = val_binary_bytes(a[1]);
    size_t n = val_binary_len(a[0]), k = val_binary_len(a[1]);
    if (k == 0) return err_argument(p, "argument error");
    Value parts[256];
    size_t np = 0, start = 0;
    Value list = VAL_NIL;
    for (size_t i = 0; i + k <= n; i++) {
        if (memcmp(s + i, sep, k) != 0) continue;
        parts[np++] = val_make_binary(&p->arena, s + start, i - start);
        start = i + k;
        i += k - 1;
        if (np == 255) break;
    }
    parts[np++] = val_make_binary(&p->arena, s + start, n - start);
    list = val_make_list(&p->arena, parts, np, VAL_NIL);
    return list == THE_NON_VALUE ? err_system_limit(p) : list;
}

static Value string_duplicate(Process *p, const Value *a)
{
    if (need_binary(p, a[0]) == THE_NON_VALUE) return THE_NON_VALUE;
    if (!val_is_small(a[1]) || val_small_get(a[1]) < 0) return err_argument(p, "argument error");
    StrBuf sb = {0};
    for (int64_t i = 0; i < val_small_get(a[1]); i++) strbuf_append(&sb, val_binary_bytes(a[0]), val_binary_len(a[0]));
    return lib_binary_sb(p, &sb);
}

/* Parses a decimal integer at s[0..n) fully; false if it is not one or does not fit. */
static bool parse_int(const char *s, size_t n, int64_t *out, size_t *used)
{
    char buf[32];
    size_t i = 0;
    if (i < n && (s[i] == '-' || s[i] == '+')) i++;
    size_t digits = i;
    while (i < n && isdigit((unsigned char)s[i])) i++;
    if (i == digits || i >= sizeof buf) return false;
    memcpy(buf, s, i);
    buf[i] = '\0';
    errno = 0;
    *out = strtoll(buf, NULL, 10);
    *used = i;
    return errno == 0;
}

static Value string_to_integer(Process *p, const Value *a)
{
    if (need_binary(p, a[0]) == THE_NON_VALUE) return THE_NON_VALUE;
    int64_t v;
    size_t used;
    if (!parse_int(val_binary_bytes(a[0]), val_binary_len(a[0]), &v, &used) || used != val_binary_len(a[0]))
        return err_badarg_at(p, 1, "not a textual representation of an integer");
    return val_make_int(&p->arena, v);
}

static Value string_to_atom(Process *p, const Value *a)
{
    if (need_binary(p, a[0]) == THE_NON_VALUE) return THE_NON_VALUE;
    Value at = val_make_atom(val_binary_bytes(a[0]), val_binary_len(a[0]));
    return at == THE_NON_VALUE ? err_system_limit(p) : at;
}

static Value integer_to_string(Process *p, const Value *a)
{
    if (!val_is_int(a[0])) return err_badarg_at(p, 1, "not an integer");
    char buf[32];
    snprintf(buf, sizeof buf, "%lld", (long long)val_int_get(a[0]));
    return lib_binary(p, buf);
}

static Value integer_parse(Process *p, const Value *a)
{
    if (need_binary(p, a[0]) == THE_NON_VALUE) return THE_NON_VALUE;
    int64_t v;
    size_t used;
    const char *s = val_binary_bytes(a[0]);
    if (!parse_int(s, val_binary_len(a[0]), &v, &used)) return val_atom_cstr("error");
    Value t[2] = {val_make_int(&p->arena, v), val_make_binary(&p->arena, s + used, val_binary_len(a[0]) - used)};
    return val_make_tuple_from(&p->arena, t, 2);
}

static const Builtin string_builtins[] = {
    {"length", 1, string_length}, {"upcase", 1, string_upcase}, {"downcase", 1, string_downcase},
    {"trim", 1, string_trim}, {"split", 2, string_split}, {"duplicate", 2, string_duplicate},
    {"to_integer", 1, string_to_integer}, {"to_atom", 1, string_to_atom},
};

static const Builtin integer_builtins[] = {
    {"to_string", 1, integer_to_string}, {"parse", 1, integer_parse},
};

void lib_string_init(void)
{
    LIB_REGISTER("Elixir.String", string_builtins);
    LIB_REGISTER("Elixir.Integer", integer_builtins);
}
