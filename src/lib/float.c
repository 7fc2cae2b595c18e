/* float.c: the Float module (round/1,2, floor/1,2, ceil/1,2, parse/1, to_string/1,
 * to_charlist/1) and the float half of number.h. Rounding to a number of decimals works on the
 * float's exact decimal expansion (printf prints it exactly), so 2.675, which is really
 * 2.67499999..., rounds to 2.67 and 0.125 rounds half away from zero to 0.13, as in Elixir.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/enum.h"
#include "lib/libs.h"
#include "lib/number.h"
#include "value/chars.h"
#include "vm/error.h"

static size_t digits_at(const char *s, size_t n, size_t i)
{
    size_t j = i;
    while (j < n && s[j] >= '0' && s[j] <= '9') j++;
    return j - i;
}

NumParse num_parse_float(const char *s, size_t n, double *out, size_t *used)
{
    size_t i = 0, d;
    if (i < n && (s[i] == '-' || s[i] == '+')) i++;
    if ((d = digits_at(s, n, i)) == 0) return NUM_NONE;
    i += d;
    if (i + 1 < n && s[i] == '.' && (d = digits_at(s, n, i + 1)) > 0) i += 1 + d;
    if (i < n && (s[i] == 'e' || s[i] == 'E')) {
        size_t j = i + 1;
        if (j < n && (s[j] == '-' || s[j] == '+')) j++;
        if ((d = digits_at(s, n, j)) > 0) i = j + d;
    }
    char *buf = malloc(i + 1);
    if (!buf) return NUM_OVERFLOW;
    memcpy(buf, s, i);
    buf[i] = '\0';
    *out = strtod(buf, NULL);
    free(buf);
    *used = i;
    return isinf(*out) ? NUM_OVERFLOW : NUM_OK;
}

bool num_is_strict_float(const char *s, size_t n)
{
    size_t i = 0, d;
    if (i < n && (s[i] == '-' || s[i] == '+')) i++;
    if ((d = digits_at(s, n, i)) == 0) return false;
    i += d;
    if (i >= n || s[i] != '.' || (d = digits_at(s, n, i + 1)) == 0) return false;
    i += 1 + d;
    if (i < n && (s[i] == 'e' || s[i] == 'E')) {
        i++;
        if (i < n && (s[i] == '-' || s[i] == '+')) i++;
        if ((d = digits_at(s, n, i)) == 0) return false;
        i += d;
    }
    return i == n;
}

static Value fclause(Process *p, const char *name, uint32_t arity, const Value *args)
{
    return enum_fclause(p, "Float", name, arity, args);
}

/* Adds one unit in the last place to the decimal digits s[0..len) (a '.' is skipped); returns
 * true if the carry ran off the front (the caller prepends a '1'). */
static bool increment(char *s, size_t len)
{
    for (size_t i = len; i-- > 0;) {
        if (s[i] == '.') continue;
        if (s[i] != '9') return s[i]++, false;
        s[i] = '0';
    }
    return true;
}

enum { ROUND_HALF_UP, ROUND_CEIL, ROUND_FLOOR };

/* x rounded at `prec` decimals (1..15) in `mode`; zero comes out as +0.0, as in Elixir. */
static double round_decimal(double x, int prec, int mode)
{
    char buf[1600];
    bool neg = x < 0;
    snprintf(buf + 1, sizeof buf - 1, "%.1100f", fabs(x));
    char *dot = strchr(buf + 1, '.');
    char *cut = dot + prec + 1;
    bool rest = strspn(cut, "0") != strlen(cut);
    bool up = mode == ROUND_HALF_UP ? *cut >= '5' : mode == ROUND_CEIL ? !neg && rest : neg && rest;
    *cut = '\0';
    char *start = buf + 1;
    if (up && increment(start, (size_t)(cut - start))) *--start = '1';
    double r = strtod(start, NULL);
    return r == 0 ? 0.0 : neg ? -r : r;
}

/* Float.round/floor/ceil(f, precision). */
static Value rounding(Process *p, const Value *a, int mode, const char *name)
{
    if (!val_is_float(a[0]) || !val_is_int(a[1])) return fclause(p, name, 2, a);
    int64_t prec = val_int_get(a[1]);
    if (prec < 0 || prec > 15) {
        char msg[80];
        snprintf(msg, sizeof msg, "precision %lld is out of valid range of 0..15", (long long)prec);
        return err_argument(p, msg);
    }
    double x = val_float_get(a[0]), r;
    if (prec == 0 && mode != ROUND_HALF_UP) r = mode == ROUND_CEIL ? ceil(x) : floor(x);
    else if (prec == 0) r = round(x) == 0 ? 0.0 : round(x);
    else r = round_decimal(x, (int)prec, mode);
    return val_make_float(&p->arena, r);
}

static Value float_round1(Process *p, const Value *a) { Value b[2] = {a[0], val_small(0)}; return rounding(p, b, ROUND_HALF_UP, "round"); }
static Value float_round2(Process *p, const Value *a) { return rounding(p, a, ROUND_HALF_UP, "round"); }
static Value float_floor1(Process *p, const Value *a) { Value b[2] = {a[0], val_small(0)}; return rounding(p, b, ROUND_FLOOR, "floor"); }
static Value float_floor2(Process *p, const Value *a) { return rounding(p, a, ROUND_FLOOR, "floor"); }
static Value float_ceil1(Process *p, const Value *a) { Value b[2] = {a[0], val_small(0)}; return rounding(p, b, ROUND_CEIL, "ceil"); }
static Value float_ceil2(Process *p, const Value *a) { return rounding(p, a, ROUND_CEIL, "ceil"); }

static Value float_parse(Process *p, const Value *a)
{
    if (!val_is_binary(a[0])) return fclause(p, "parse_unsigned", 1, a); /* Elixir's own report */
    const char *s = val_binary_bytes(a[0]);
    size_t n = val_binary_len(a[0]), used;
    double d;
    NumParse r = num_parse_float(s, n, &d, &used);
    if (r == NUM_NONE) return ATOM_ERROR;
    if (r == NUM_OVERFLOW) return err_argument(p, "argument error");
    Value t[2] = {val_make_float(&p->arena, d), val_make_binary(&p->arena, s + used, n - used)};
    return val_make_tuple_from(&p->arena, t, 2);
}

static Value float_to_string(Process *p, const Value *a)
{
    if (!val_is_float(a[0])) return fclause(p, "to_string", 1, a);
    StrBuf sb = {0};
    int64_t bad;
    if (chars_append(&sb, a[0], &bad) != CHARS_OK) return strbuf_free(&sb), err_argument(p, "argument error");
    return lib_binary_sb(p, &sb);
}

static Value float_to_charlist(Process *p, const Value *a)
{
    if (!val_is_float(a[0])) return fclause(p, "to_charlist", 1, a);
    Value s = float_to_string(p, a);
    if (s == THE_NON_VALUE) return s;
    ListBuilder b;
    lb_init(&b);
    for (size_t i = 0; i < val_binary_len(s); i++)
        if (!lb_push(p, &b, val_small((unsigned char)val_binary_bytes(s)[i]))) return err_system_limit(p);
    return lb_finish(&b, VAL_NIL);
}

static const Builtin float_builtins[] = {
    {"round", 1, float_round1}, {"round", 2, float_round2}, {"floor", 1, float_floor1},
    {"floor", 2, float_floor2}, {"ceil", 1, float_ceil1}, {"ceil", 2, float_ceil2},
    {"parse", 1, float_parse}, {"to_string", 1, float_to_string}, {"to_charlist", 1, float_to_charlist},
};

void lib_float_init(void)
{
    LIB_REGISTER("Elixir.Float", float_builtins);
}
