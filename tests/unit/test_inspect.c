/* test_inspect.c: inspect output against Elixir 1.14 goldens (each expected string below was
 * printed by `elixir -e 'IO.puts inspect(...)'` or IO.inspect for width-80 cases). */
#include <criterion/criterion.h>

#include "rt/arena.h"
#include "value/chars.h"
#include "value/inspect.h"
#include "value/map.h"
#include "value/value.h"

static Arena A;
static void setup(void) { atom_init(); arena_init(&A); }
static void teardown(void) { arena_free(&A); }
TestSuite(inspect, .init = setup, .fini = teardown);

static Value atom(const char *s) { return val_atom_cstr(s); }
static Value flt(double d) { return val_make_float(&A, d); }
static Value bin(const char *s) { return val_make_binary(&A, s, strlen(s)); }
static Value list(size_t n, const Value *v) { return val_make_list(&A, v, n, VAL_NIL); }
static Value tup(size_t n, const Value *v) { return val_make_tuple_from(&A, v, (uint32_t)n); }
#define LIST(...) list(sizeof((Value[]){__VA_ARGS__}) / sizeof(Value), (Value[]){__VA_ARGS__})
#define TUP(...) tup(sizeof((Value[]){__VA_ARGS__}) / sizeof(Value), (Value[]){__VA_ARGS__})
#define I(n) val_small(n)

static void check_with(Value v, const InspectOpts *o, const char *want)
{
    StrBuf sb = {0};
    inspect_append(&sb, v, o);
    cr_expect_str_eq(strbuf_cstr(&sb), want, "inspect gave\n%s\nexpected\n%s", strbuf_cstr(&sb), want);
    strbuf_free(&sb);
}
static void check(Value v, const char *want) { check_with(v, NULL, want); }

static Value range(int from, int to)
{
    Value l = VAL_NIL;
    for (int i = to; i >= from; i--)
        l = val_make_cons(&A, I(i), l);
    return l;
}

Test(inspect, atoms)
{
    const char *cases[][2] = {
        {"ok", ":ok"}, {"a b", ":\"a b\""}, {"nil", "nil"}, {"true", "true"}, {"Elixir.Foo.Bar", "Foo.Bar"},
        {"Elixir", "Elixir"}, {"Elixir.foo", ":\"Elixir.foo\""}, {"Foo", ":Foo"}, {"1a", ":\"1a\""}, {"", ":\"\""},
        {"é", ":é"}, {"foo?", ":foo?"}, {"foo?!", ":\"foo?!\""}, {"+", ":+"}, {"<<>>", ":<<>>"}, {"%{}", ":%{}"},
        {"\\\\", ":\\\\"}, {"::", ":\"::\""}, {"//", ":\"//\""}, {"..//", ":..//"}, {"foo@bar", ":foo@bar"},
        {"@a", ":\"@a\""}, {"\n", ":\"\\n\""}, {"\x1f", ":\"\\x1F\""}, {"when", ":when"}, {"A.B", ":\"A.B\""},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
        check(atom(cases[i][0]), cases[i][1]);
}

Test(inspect, numbers)
{
    check(I(42), "42");
    check(I(-7), "-7");
    check(val_make_int(&A, INT64_MIN), "-9223372036854775808");
    const struct { double d; const char *s; } f[] = {
        {0.0, "0.0"}, {-0.0, "-0.0"}, {1.0, "1.0"}, {2.5, "2.5"}, {0.1 + 0.2, "0.30000000000000004"},
        {1.0e20, "1.0e20"}, {1.0e-5, "1.0e-5"}, {1.0e15, "1000000000000000.0"}, {1.0e16, "1.0e16"},
        {123456789012345678.0, "1.2345678901234568e17"}, {1.0e-4, "0.0001"}, {1.5e-4, "1.5e-4"},
        {9007199254740993.0, "9007199254740992.0"}, {1.7976931348623157e308, "1.7976931348623157e308"},
        {5.0e-324, "5.0e-324"}, {1.0 / 3, "0.3333333333333333"}, {123.456, "123.456"}, {2.5e16, "2.5e16"},
        {1.2345e8, "123450000.0"}, {1234567890123.25, "1234567890123.25"}, {1.234567890123456e16, "1.234567890123456e16"},
    };
    for (size_t i = 0; i < sizeof f / sizeof f[0]; i++)
        check(flt(f[i].d), f[i].s);
}

/* 600 random floats (bit patterns, and decimal-looking values at many scales) with the text
 * Elixir 1.14 gave for inspect/1 and to_string/1; made by a seeded script run under elixir. */
static const struct { uint64_t bits; const char *inspect, *to_string; } golden_floats[] = {
#include "golden_floats.inc"
};

Test(inspect, floats_match_elixir_for_600_random_values)
{
    for (size_t i = 0; i < sizeof golden_floats / sizeof golden_floats[0]; i++) {
        double d;
        memcpy(&d, &golden_floats[i].bits, sizeof d);
        check(flt(d), golden_floats[i].inspect);
        StrBuf sb = {0};
        int64_t bad;
        cr_assert_eq(chars_append(&sb, flt(d), &bad), CHARS_OK, "to_string of a float");
        cr_expect_str_eq(strbuf_cstr(&sb), golden_floats[i].to_string, "to_string(%.17g)", d);
        strbuf_free(&sb);
    }
}

/* ---- goldens decoded from Erlang's external term format (golden/gen_inspect.exs) ---- */

static const struct { const char *etf, *plain, *pretty, *limit5; } golden_terms[] = {
#include "golden/inspect_cases.inc"
};

static unsigned hexval(char c) { return c <= '9' ? (unsigned)(c - '0') : (unsigned)(c - 'A' + 10); }

static uint64_t be(const uint8_t **p, int n)
{
    uint64_t x = 0;
    for (int i = 0; i < n; i++)
        x = (x << 8) | *(*p)++;
    return x;
}

/* Decodes the external-term-format subset the generator emits (test helper, recursive). */
static Value etf(const uint8_t **p)
{
    uint8_t tag = *(*p)++;
    size_t n;
    switch (tag) {
    case 97: return I(be(p, 1));
    case 98: return I((int32_t)be(p, 4));
    case 70: { uint64_t b = be(p, 8); double d; memcpy(&d, &b, 8); return flt(d); }
    case 100: case 118: case 119: { /* ATOM_EXT is Latin-1: the generator's atoms are ASCII there */
        n = be(p, tag == 119 ? 1 : 2);
        StrBuf name = {0};
        for (size_t i = 0; i < n; i++) {
            unsigned char ch = (*p)[i];
            if (tag == 100 && ch >= 0x80) { /* Latin-1 to UTF-8 */
                strbuf_putc(&name, (char)(0xC0 | (ch >> 6)));
                strbuf_putc(&name, (char)(0x80 | (ch & 0x3F)));
            } else {
                strbuf_putc(&name, (char)ch);
            }
        }
        Value a = val_make_atom(strbuf_cstr(&name), name.len);
        strbuf_free(&name);
        *p += n;
        return a;
    }
    case 104: case 105: {
        n = be(p, tag == 104 ? 1 : 4);
        Value t = val_make_tuple(&A, (uint32_t)n);
        for (size_t i = 0; i < n; i++)
            val_tuple_elems(t)[i] = etf(p);
        return t;
    }
    case 106: return VAL_NIL;
    case 107: {
        n = be(p, 2);
        Value *items = malloc(n * sizeof *items);
        for (size_t i = 0; i < n; i++)
            items[i] = I(*(*p)++);
        Value l = val_make_list(&A, items, n, VAL_NIL);
        free(items);
        return l;
    }
    case 108: {
        n = be(p, 4);
        Value *items = malloc((n + 1) * sizeof *items);
        for (size_t i = 0; i < n; i++)
            items[i] = etf(p);
        Value tail = etf(p);
        Value l = val_make_list(&A, items, n, tail);
        free(items);
        return l;
    }
    case 109: {
        n = be(p, 4);
        Value b = val_make_binary(&A, (const char *)*p, n);
        *p += n;
        return b;
    }
    case 110: {
        n = be(p, 1);
        int sign = *(*p)++;
        uint64_t x = 0;
        for (size_t i = 0; i < n; i++)
            x |= (uint64_t)(*(*p)++) << (8 * i);
        return val_make_int(&A, sign ? -(int64_t)x : (int64_t)x);
    }
    case 116: {
        n = be(p, 4);
        Value *kv = malloc(2 * n * sizeof *kv + 1);
        for (size_t i = 0; i < n; i++) {
            kv[i] = etf(p);
            kv[n + i] = etf(p);
        }
        Value m = map_from_pairs(&A, kv, kv + n, n);
        free(kv);
        return m;
    }
    default:
        cr_assert_fail("golden term uses ETF tag %u the test does not decode", tag);
        return VAL_NIL;
    }
}

static Value decode_hex(const char *hex)
{
    size_t n = strlen(hex) / 2;
    uint8_t *bytes = malloc(n);
    for (size_t i = 0; i < n; i++)
        bytes[i] = (uint8_t)(hexval(hex[2 * i]) << 4 | hexval(hex[2 * i + 1]));
    const uint8_t *p = bytes + 1; /* skip the version byte 131 */
    Value v = etf(&p);
    free(bytes);
    return v;
}

/* The structs the generator defines, in defstruct order, as the VM would report them. */
static Value golden_struct_fields(void *ctx, Value name)
{
    (void)ctx;
    static const char *const defs[][4] = {
        {"Elixir.Point", "y", "x", NULL},        {"Elixir.User", "name", "age", "tags"},
        {"Elixir.RuntimeError", "message", NULL}, {"Elixir.ArgumentError", "message", NULL},
    };
    for (size_t i = 0; i < sizeof defs / sizeof defs[0]; i++) {
        if (val_atom_cstr(defs[i][0]) != name)
            continue;
        Value fields[3];
        size_t n = 0;
        for (size_t j = 1; j < 4 && defs[i][j]; j++)
            fields[n++] = val_atom_cstr(defs[i][j]);
        return val_make_list(&A, fields, n, VAL_NIL);
    }
    return THE_NON_VALUE;
}

Test(inspect, terms_match_elixir_at_width_0_and_80_and_limit_5)
{
    InspectOpts plain = INSPECT_DEFAULTS, pretty = INSPECT_PRETTY, short5 = INSPECT_PRETTY;
    plain.struct_fields = pretty.struct_fields = short5.struct_fields = golden_struct_fields;
    short5.limit = 5;
    for (size_t i = 0; i < sizeof golden_terms / sizeof golden_terms[0]; i++) {
        Value v = decode_hex(golden_terms[i].etf);
        check_with(v, &plain, golden_terms[i].plain);
        check_with(v, &pretty, golden_terms[i].pretty);
        check_with(v, &short5, golden_terms[i].limit5);
    }
}

Test(inspect, strings_and_binaries)
{
    check(bin("quote\"d\n\t\x1b\\ #{x} \a\b\f\v\r \x7f é #x"), "\"quote\\\"d\\n\\t\\e\\\\ \\#{x} \\a\\b\\f\\v\\r \\d é #x\"");
    check(val_make_binary(&A, "\x01\x02", 2), "<<1, 2>>");
    check(val_make_binary(&A, "\0", 1), "<<0>>");
    check(val_make_binary(&A, "a\0", 2), "<<97, 0>>");
    check(bin("\xff"), "<<255>>");
    check(bin(""), "\"\"");
}

Test(inspect, lists_charlists_keywords)
{
    check(LIST(I('h'), I('i')), "'hi'");
    check(LIST(I(233)), "[233]");
    check(LIST(I(104), I(10)), "'h\\n'");
    check(LIST(I(127)), "[127]");
    check(LIST(I('a'), I('\''), I('b'), I('"'), I('\\')), "'a\\'b\"\\\\'");
    check(val_make_cons(&A, I(1), I(2)), "[1 | 2]");
    check(val_make_list(&A, (Value[]){I(1), I(2)}, 2, I(3)), "[1, 2 | 3]");
    check(LIST(TUP(atom("a"), I(1)), TUP(atom("b c"), I(2))), "[a: 1, \"b c\": 2]");
    check(LIST(TUP(atom("Elixir.Foo"), I(1)), TUP(atom("1a"), I(2))), "[{Foo, 1}, {:\"1a\", 2}]");
    check(LIST(VAL_NIL), "[[]]");
    check(VAL_NIL, "[]");
}

Test(inspect, tuples_maps_structs)
{
    check(val_make_tuple(&A, 0), "{}");
    check(TUP(I(1), atom("a")), "{1, :a}");
    Value k = atom("a"), v = I(1);
    check(map_from_pairs(&A, &k, &v, 1), "%{a: 1}");
    k = bin("k");
    check(map_from_pairs(&A, &k, &v, 1), "%{\"k\" => 1}");
    Value ks[2] = {I(1), atom("a")}, vs[2] = {I(2), I(1)};
    check(map_from_pairs(&A, ks, vs, 2), "%{1 => 2, :a => 1}");
    Value ks3[3] = {atom("a b"), atom("+"), atom("Elixir.Foo")}, vs3[3] = {I(1), I(2), I(3)};
    check(map_from_pairs(&A, ks3, vs3, 3), "%{:+ => 2, Foo => 3, :\"a b\" => 1}");
    Value ke[3] = {ATOM_STRUCT, ATOM_MESSAGE, ATOM_EXCEPTION}, ve[3] = {ATOM_ELIXIR_RUNTIME_ERROR, bin("boom"), ATOM_TRUE};
    check(map_from_pairs(&A, ke, ve, 3), "%RuntimeError{message: \"boom\"}");
    check(map_new(&A), "%{}");
}

Test(inspect, pids_refs_funs)
{
    check(val_pid(110, 0), "#PID<0.110.0>");
    check(val_make_ref_number(&A, 7), "#Reference<0.0.0.7>");
    static FunHead fh = {.arity = 1, .index = 1, .uniq = 40668738, .def_arity = 0};
    fh.module = atom("Elixir.M");
    fh.def_name = atom("f");
    check(val_make_fun(&A, &fh, 0), "#Function<1.40668738/1 in M.f/0>");
    fh.module = atom("erl_eval");
    fh.def_name = atom("expr");
    fh.def_arity = 6;
    check(val_make_fun(&A, &fh, 0), "#Function<1.40668738/1 in :erl_eval.expr/6>");
    static FunHead ext = {.arity = 1, .index = FUN_INDEX_EXTERNAL};
    ext.module = atom("Elixir.IO");
    ext.def_name = atom("puts");
    check(val_make_fun(&A, &ext, 0), "&IO.puts/1");
    static FunHead top = {.arity = 1, .index = 1, .uniq = 10206060};
    top.module = atom("i.exs");
    top.def_name = ATOM_NIL;
    check(val_make_fun(&A, &top, 0), "#Function<1.10206060 in file:i.exs>");
}

Test(inspect, limit_50_truncates_and_nested_collections_get_what_is_left)
{
    check(range(1, 60), "[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40, 41, 42, 43, 44, 45, 46, 47, 48, 49, 50, ...]");
    InspectOpts o = INSPECT_DEFAULTS;
    o.limit = 4;
    check_with(LIST(LIST(I(1), I(2), I(3)), LIST(I(4), I(5), I(6))), &o, "[[1, 2, 3], [4, 5, ...]]");
}

Test(inspect, width_80_breaks_like_io_inspect)
{
    check_with(range(1, 40), &INSPECT_PRETTY,
               "[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22,\n"
               " 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40]");
    check_with(range(1, 100), &INSPECT_PRETTY,
               "[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22,\n"
               " 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40, 41, 42,\n"
               " 43, 44, 45, 46, 47, 48, 49, 50, ...]");
    Value ks[3] = {atom("a"), atom("b"), atom("c")}, vs[3] = {range(1, 30), bin("x"), TUP(I(1), I(2))};
    check_with(map_from_pairs(&A, ks, vs, 3), &INSPECT_PRETTY,
               "%{\n"
               "  a: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21,\n"
               "   22, 23, 24, 25, 26, 27, 28, 29, 30],\n"
               "  b: \"x\",\n"
               "  c: {1, 2}\n"
               "}");
    char zeros[100] = {0};
    check_with(val_make_binary(&A, zeros, 100), &INSPECT_PRETTY,
               "<<0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,\n"
               "  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, ...>>");
    Value t = TUP(atom("ok"), bin("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"), LIST(I(1), I(2), I(3)),
                  map_from_pairs(&A, ks, (Value[]){I(1), bin("cccccccccc")}, 2));
    check_with(t, &INSPECT_PRETTY,
               "{:ok, \"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\", [1, 2, 3],\n"
               " %{a: 1, b: \"cccccccccc\"}}");
}

/* ---- to_string (String.Chars), goldens from `elixir -e 'IO.puts to_string(...)'` ---- */

static void check_chars(Value v, const char *want)
{
    StrBuf sb = {0};
    int64_t bad = 0;
    CharsStatus st = chars_append(&sb, v, &bad);
    cr_expect_eq(st, CHARS_OK, "to_string failed with status %d", st);
    cr_expect_str_eq(strbuf_cstr(&sb), want, "to_string gave %s, expected %s", strbuf_cstr(&sb), want);
    strbuf_free(&sb);
}

static void check_chars_error(Value v, CharsStatus want, const char *message)
{
    StrBuf sb = {0}, msg = {0};
    int64_t bad = 0;
    CharsStatus st = chars_append(&sb, v, &bad);
    cr_expect_eq(st, want, "to_string status %d, expected %d", st, want);
    chars_error_message(&msg, st, v, bad);
    cr_expect_str_eq(strbuf_cstr(&msg), message, "message\n%s\nexpected\n%s", strbuf_cstr(&msg), message);
    strbuf_free(&sb);
    strbuf_free(&msg);
}

Test(inspect, to_string_of_each_type)
{
    check_chars(bin("hé"), "hé");
    check_chars(val_make_binary(&A, "\xff", 1), "\xff");
    check_chars(ATOM_NIL, "");
    check_chars(ATOM_TRUE, "true");
    check_chars(atom("Elixir.Foo"), "Elixir.Foo");
    check_chars(I(-12), "-12");
    check_chars(flt(1.0e15), "1.0e15");
    check_chars(flt(100.0), "100.0");
    check_chars(flt(1.5), "1.5");
    check_chars(LIST(I(104), bin("ey"), LIST(I(32), LIST(I('y'), I('o'), I('u'))), I(233), I(0x1F600)), "hey youé😀");
    check_chars(val_make_cons(&A, I(104), bin("x")), "hx");
    check_chars(VAL_NIL, "");
}

Test(inspect, to_string_errors_carry_elixirs_messages)
{
    check_chars_error(TUP(I(1), I(2)), CHARS_NOT_IMPLEMENTED, "protocol String.Chars not implemented for {1, 2} of type Tuple");
    check_chars_error(val_pid(96, 0), CHARS_NOT_IMPLEMENTED, "protocol String.Chars not implemented for #PID<0.96.0> of type PID");
    Value ks[2] = {ATOM_STRUCT, ATOM_MESSAGE}, vs[2] = {ATOM_ELIXIR_RUNTIME_ERROR, bin("x")};
    check_chars_error(map_from_pairs(&A, ks, vs, 2), CHARS_NOT_IMPLEMENTED,
                      "protocol String.Chars not implemented for %RuntimeError{message: \"x\"} of type RuntimeError (a struct)");
    check_chars_error(LIST(I(-1)), CHARS_BAD_CODEPOINT, "invalid code point -1");
    check_chars_error(LIST(I(0xD800)), CHARS_BAD_CODEPOINT, "invalid code point 55296");
    check_chars_error(LIST(flt(3.0)), CHARS_BAD_LIST,
                      "cannot convert the given list to a string.\n\n"
                      "To be converted to a string, a list must either be empty or only\n"
                      "contain the following elements:\n\n"
                      "  * strings\n"
                      "  * integers representing Unicode code points\n"
                      "  * a list containing one of these three elements\n\n"
                      "Please check the given list or call inspect/1 to get the list representation, got:\n\n"
                      "[3.0]\n");
    check_chars_error(val_make_cons(&A, I(1), I(2)), CHARS_BAD_LIST,
                      "cannot convert the given list to a string.\n\n"
                      "To be converted to a string, a list must either be empty or only\n"
                      "contain the following elements:\n\n"
                      "  * strings\n"
                      "  * integers representing Unicode code points\n"
                      "  * a list containing one of these three elements\n\n"
                      "Please check the given list or call inspect/1 to get the list representation, got:\n\n"
                      "[1 | 2]\n");
}

Test(inspect, huge_and_deep_values_print_without_overflowing_the_stack)
{
    Value deep = VAL_NIL, longl = VAL_NIL;
    for (int i = 0; i < 1000000; i++) {
        deep = val_make_cons(&A, deep, VAL_NIL);
        longl = val_make_cons(&A, I(i % 10), longl);
    }
    StrBuf sb = {0};
    inspect_append(&sb, deep, NULL); /* limit 50: 50 levels, then [...] */
    cr_assert_eq(sb.len, 2 * 50 + 5, "1M-deep list at limit 50: %s", strbuf_cstr(&sb));
    cr_assert_eq(strncmp(strbuf_cstr(&sb) + 48, "[[[...]]]", 9), 0, "the innermost level is [...]");
    strbuf_truncate(&sb, 0);
    InspectOpts all = INSPECT_DEFAULTS;
    all.limit = -1;
    inspect_append(&sb, deep, &all);
    cr_assert_gt(sb.len, 1000, "unlimited inspect of a 1M-deep list prints (capped depth)");
    strbuf_truncate(&sb, 0);
    inspect_append(&sb, longl, &all);
    cr_assert_eq(sb.len, 2 + 1000000 + 2 * 999999, "1M one-digit elements, unlimited: %zu bytes", sb.len);
    strbuf_free(&sb);
}

Test(inspect, charlists_binaries_and_structs_options)
{
    InspectOpts o = INSPECT_DEFAULTS;
    o.binaries = INSPECT_AS_BINARIES;
    check_with(bin("abc"), &o, "<<97, 98, 99>>");
    o = INSPECT_DEFAULTS;
    o.binaries = INSPECT_AS_STRINGS;
    check_with(val_make_binary(&A, "\x01\x02\xc8", 3), &o, "\"\\x01\\x02\\xC8\"");
    o = INSPECT_DEFAULTS;
    o.charlists = INSPECT_AS_CHARLISTS;
    check_with(LIST(I(1), I(2), I(233), I(0x1F600)), &o, "'\\x01\\x02é😀'");
    o = INSPECT_DEFAULTS;
    o.charlists = INSPECT_AS_LISTS;
    check_with(LIST(I(104), I(105)), &o, "[104, 105]");
    check_with(LIST(LIST(I(104)), TUP(LIST(I(105)))), &o, "[[104], {[105]}]");
    o = INSPECT_DEFAULTS;
    o.structs_as_maps = true;
    Value ke[3] = {ATOM_STRUCT, ATOM_MESSAGE, ATOM_EXCEPTION}, ve[3] = {ATOM_ELIXIR_RUNTIME_ERROR, bin("x"), ATOM_TRUE};
    check_with(map_from_pairs(&A, ke, ve, 3), &o, "%{__exception__: true, __struct__: RuntimeError, message: \"x\"}");
    /* MapSet members are never charlists, at any depth: MapSet.new([[97]]) */
    Value inner = LIST(LIST(I(97)));
    Value set = map_from_pairs(&A, (Value[]){LIST(I(97))}, (Value[]){VAL_NIL}, 1);
    Value ks[3] = {ATOM_STRUCT, atom("map"), atom("version")}, vs[3] = {atom("Elixir.MapSet"), set, I(2)};
    check(map_from_pairs(&A, ks, vs, 3), "MapSet.new([[97]])");
    check(inner, "['a']");
}
