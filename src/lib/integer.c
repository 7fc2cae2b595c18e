/* integer.c: the Integer module (to_string/1,2, to_charlist/1,2, parse/1,2, digits/1,2,
 * undigits/1,2, pow/2, floor_div/2, mod/2, gcd/2, extended_gcd/2, is_even/1, is_odd/1) and
 * the integer half of number.h. Integers are 64-bit: results past that raise
 * ArithmeticError, as ember's arithmetic does.
 */
#include <stdio.h>
#include <string.h>

#include "lib/enum.h"
#include "lib/libs.h"
#include "lib/number.h"
#include "value/inspect.h"
#include "vm/error.h"
#include "vm/vm.h"

static int digit_value(char c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'z') return c - 'a' + 10;
    if (c >= 'A' && c <= 'Z') return c - 'A' + 10;
    return 99;
}

NumParse num_parse_int(const char *s, size_t n, int base, int64_t *out, size_t *used)
{
    size_t i = 0;
    bool neg = false;
    if (i < n && (s[i] == '-' || s[i] == '+')) neg = s[i++] == '-';
    size_t start = i;
    /* accumulate negatively so INT64_MIN fits */
    int64_t v = 0;
    bool overflow = false;
    for (; i < n && digit_value(s[i]) < base; i++) {
        int d = digit_value(s[i]);
        if (v < (INT64_MIN + d) / base) overflow = true;
        else v = v * base - d;
    }
    if (i == start) return NUM_NONE;
    if (!neg && v == INT64_MIN) overflow = true;
    *out = neg ? v : -v;
    *used = i;
    return overflow ? NUM_OVERFLOW : NUM_OK;
}

Value num_int_to_binary(Process *p, int64_t v, int base)
{
    char buf[72];
    int i = sizeof buf;
    uint64_t u = v < 0 ? -(uint64_t)v : (uint64_t)v;
    do {
        buf[--i] = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"[u % (uint64_t)base];
        u /= (uint64_t)base;
    } while (u);
    if (v < 0) buf[--i] = '-';
    return val_make_binary(&p->arena, buf + i, sizeof buf - (size_t)i);
}

Value num_not_textual(Process *p, int argno, const char *what)
{
    char why[64];
    snprintf(why, sizeof why, "not a textual representation of %s", what);
    return err_badarg_at(p, argno, why);
}

static Value fclause(Process *p, const char *name, uint32_t arity, const Value *args)
{
    return enum_fclause(p, "Integer", name, arity, args);
}

static bool valid_base(Value b) { return val_is_small(b) && val_small_get(b) >= 2 && val_small_get(b) <= 36; }

static Value to_string(Process *p, Value v, Value base)
{
    if (!val_is_int(v)) return err_badarg_at(p, 1, "not an integer");
    if (!valid_base(base)) return err_badarg_at(p, 2, "not an integer in the range 2 through 36");
    return num_int_to_binary(p, val_int_get(v), (int)val_small_get(base));
}

static Value integer_to_string1(Process *p, const Value *a) { return to_string(p, a[0], val_small(10)); }
static Value integer_to_string2(Process *p, const Value *a) { return to_string(p, a[0], a[1]); }

/* The bytes of binary b as a list of integers (they are ASCII here). */
static Value bytes_list(Process *p, Value b)
{
    if (b == THE_NON_VALUE) return b;
    ListBuilder lb;
    lb_init(&lb);
    for (size_t i = 0; i < val_binary_len(b); i++)
        if (!lb_push(p, &lb, val_small((unsigned char)val_binary_bytes(b)[i]))) return err_system_limit(p);
    return lb_finish(&lb, VAL_NIL);
}

static Value integer_to_charlist1(Process *p, const Value *a) { return bytes_list(p, to_string(p, a[0], val_small(10))); }
static Value integer_to_charlist2(Process *p, const Value *a) { return bytes_list(p, to_string(p, a[0], a[1])); }

static Value parse(Process *p, const Value *a, Value base)
{
    Value args[2] = {a[0], base};
    if (!val_is_binary(a[0])) return fclause(p, "parse", 2, args);
    if (!valid_base(base)) {
        StrBuf sb = {0};
        strbuf_puts(&sb, "invalid base ");
        inspect_append(&sb, base, NULL);
        Value v = err_argument(p, strbuf_cstr(&sb));
        strbuf_free(&sb);
        return v;
    }
    const char *s = val_binary_bytes(a[0]);
    size_t n = val_binary_len(a[0]), used;
    int64_t v;
    NumParse r = num_parse_int(s, n, (int)val_small_get(base), &v, &used);
    if (r == NUM_NONE) return ATOM_ERROR;
    if (r == NUM_OVERFLOW) return err_badarith(p, "+", a[0], THE_NON_VALUE);
    Value t[2] = {val_make_int(&p->arena, v), val_make_binary(&p->arena, s + used, n - used)};
    return val_make_tuple_from(&p->arena, t, 2);
}

static Value integer_parse1(Process *p, const Value *a) { return parse(p, a, val_small(10)); }
static Value integer_parse2(Process *p, const Value *a) { return parse(p, a, a[1]); }

static Value digits(Process *p, Value v, Value base)
{
    Value args[2] = {v, base};
    if (!val_is_int(v) || !val_is_int(base) || val_int_get(base) < 2) return fclause(p, "digits", 2, args);
    int64_t x = val_int_get(v), b = val_int_get(base);
    Value list = VAL_NIL;
    do {
        list = val_make_cons(&p->arena, val_small(x % b), list);
        x /= b;
    } while (x != 0 && list != THE_NON_VALUE);
    return list == THE_NON_VALUE ? err_system_limit(p) : list;
}

static Value integer_digits1(Process *p, const Value *a) { return digits(p, a[0], val_small(10)); }
static Value integer_digits2(Process *p, const Value *a) { return digits(p, a[0], a[1]); }

static Value undigits(Process *p, Value list, Value base)
{
    Value args[2] = {list, base};
    if (!val_is_list(list) || !val_is_int(base) || val_int_get(base) < 2) return fclause(p, "undigits", 2, args);
    Value acc = val_small(0);
    for (; val_is_cons(list); list = val_tail(list)) {
        Value d = val_head(list);
        if (!val_is_int(d)) return fclause(p, "undigits", 2, args);
        if (val_int_get(d) >= val_int_get(base)) {
            char msg[96];
            snprintf(msg, sizeof msg, "invalid digit %lld in base %lld", (long long)val_int_get(d), (long long)val_int_get(base));
            return err_argument(p, msg);
        }
        if ((acc = vm_arith(p, '*', acc, base)) == THE_NON_VALUE || (acc = vm_arith(p, '+', acc, d)) == THE_NON_VALUE)
            return THE_NON_VALUE;
    }
    return acc;
}

static Value integer_undigits1(Process *p, const Value *a) { return undigits(p, a[0], val_small(10)); }
static Value integer_undigits2(Process *p, const Value *a) { return undigits(p, a[0], a[1]); }

static Value integer_pow(Process *p, const Value *a)
{
    if (!val_is_int(a[0]) || !val_is_int(a[1])) return fclause(p, "pow", 2, a);
    if (val_int_get(a[1]) < 0) return err_badarith(p, "pow", a[0], a[1]);
    Value acc = val_small(1), base = a[0];
    for (int64_t e = val_int_get(a[1]); e > 0; e >>= 1) {
        if ((e & 1) && (acc = vm_arith(p, '*', acc, base)) == THE_NON_VALUE) return acc;
        if (e > 1 && (base = vm_arith(p, '*', base, base)) == THE_NON_VALUE) return base;
    }
    return acc;
}

/* floor_div (want_mod false) or mod: rounding toward negative infinity. */
static Value floor_divmod(Process *p, const Value *a, bool want_mod)
{
    const char *name = want_mod ? "mod" : "floor_div";
    if (!val_is_int(a[0]) || !val_is_int(a[1])) return fclause(p, name, 2, a);
    int64_t x = val_int_get(a[0]), y = val_int_get(a[1]);
    if (y == 0 || (x == INT64_MIN && y == -1)) return err_badarith(p, want_mod ? "rem" : "div", a[0], a[1]);
    int64_t q = x / y, r = x % y;
    if (r != 0 && ((r < 0) != (y < 0))) q -= 1, r += y;
    return val_make_int(&p->arena, want_mod ? r : q);
}

static Value integer_floor_div(Process *p, const Value *a) { return floor_divmod(p, a, false); }
static Value integer_mod(Process *p, const Value *a) { return floor_divmod(p, a, true); }

static int64_t gcd(int64_t x, int64_t y)
{
    uint64_t u = x < 0 ? -(uint64_t)x : (uint64_t)x, v = y < 0 ? -(uint64_t)y : (uint64_t)y;
    while (v) {
        uint64_t t = u % v;
        u = v;
        v = t;
    }
    return (int64_t)u;
}

static Value integer_gcd(Process *p, const Value *a)
{
    if (!val_is_int(a[0]) || !val_is_int(a[1])) return fclause(p, "gcd", 2, a);
    return val_make_int(&p->arena, gcd(val_int_get(a[0]), val_int_get(a[1])));
}

/* {gcd, s, t} with s * a + t * b = gcd (Bezout coefficients, as Elixir computes them). */
static Value integer_extended_gcd(Process *p, const Value *a)
{
    if (!val_is_int(a[0]) || !val_is_int(a[1])) return fclause(p, "extended_gcd", 2, a);
    int64_t r0 = val_int_get(a[0]), r1 = val_int_get(a[1]), s0 = 1, s1 = 0, t0 = 0, t1 = 1;
    while (r1 != 0) {
        int64_t q = r0 / r1, tmp;
        tmp = r0 - q * r1, r0 = r1, r1 = tmp;
        tmp = s0 - q * s1, s0 = s1, s1 = tmp;
        tmp = t0 - q * t1, t0 = t1, t1 = tmp;
    }
    if (r0 < 0) r0 = -r0, s0 = -s0, t0 = -t0;
    Value t[3] = {val_make_int(&p->arena, r0), val_make_int(&p->arena, s0), val_make_int(&p->arena, t0)};
    return val_make_tuple_from(&p->arena, t, 3);
}

static Value parity(Process *p, const Value *a, int64_t want, const char *name)
{
    if (!val_is_int(a[0])) return fclause(p, name, 1, a);
    int64_t x = val_int_get(a[0]);
    return val_bool((x & 1) == want);
}

static Value integer_is_even(Process *p, const Value *a) { return parity(p, a, 0, "is_even"); }
static Value integer_is_odd(Process *p, const Value *a) { return parity(p, a, 1, "is_odd"); }

static const Builtin integer_builtins[] = {
    {"to_string", 1, integer_to_string1}, {"to_string", 2, integer_to_string2},
    {"to_charlist", 1, integer_to_charlist1}, {"to_charlist", 2, integer_to_charlist2},
    {"parse", 1, integer_parse1}, {"parse", 2, integer_parse2}, {"digits", 1, integer_digits1},
    {"digits", 2, integer_digits2}, {"undigits", 1, integer_undigits1}, {"undigits", 2, integer_undigits2},
    {"pow", 2, integer_pow}, {"floor_div", 2, integer_floor_div}, {"mod", 2, integer_mod},
    {"gcd", 2, integer_gcd}, {"extended_gcd", 2, integer_extended_gcd}, {"is_even", 1, integer_is_even},
    {"is_odd", 1, integer_is_odd},
};

void lib_integer_init(void)
{
    LIB_REGISTER("Elixir.Integer", integer_builtins);
}
