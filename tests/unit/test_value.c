/* test_value.c: constructors, atoms, equality, term order and hashing (src/value). */
#include <criterion/criterion.h>
#include <math.h>
#include <pthread.h>
#include <stdio.h>

#include "rt/arena.h"
#include "value/map.h"
#include "value/value.h"

static Arena A;
static void setup(void) { atom_init(); arena_init(&A); }
static void teardown(void) { arena_free(&A); }
TestSuite(value, .init = setup, .fini = teardown);

static Value atom(const char *s) { return val_atom_cstr(s); }
static Value flt(double d) { return val_make_float(&A, d); }
static Value bin(const char *s) { return val_make_binary(&A, s, strlen(s)); }
static Value tup2(Value a, Value b) { Value e[2] = {a, b}; return val_make_tuple_from(&A, e, 2); }
static Value list3(Value a, Value b, Value c) { Value e[3] = {a, b, c}; return val_make_list(&A, e, 3, VAL_NIL); }

Test(value, small_ints_round_trip_and_big_ones_are_boxed)
{
    int64_t cases[] = {0, 1, -1, SMALL_INT_MAX, SMALL_INT_MIN, SMALL_INT_MAX + 1, SMALL_INT_MIN - 1, INT64_MAX, INT64_MIN};
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        Value v = val_make_int(&A, cases[i]);
        cr_assert(val_is_int(v), "%lld is not an integer", (long long)cases[i]);
        cr_assert_eq(val_int_get(v), cases[i], "%lld read back as %lld", (long long)cases[i], (long long)val_int_get(v));
        bool small = cases[i] >= SMALL_INT_MIN && cases[i] <= SMALL_INT_MAX;
        cr_assert_eq(val_is_small(v), small, "%lld: small=%d, expected %d", (long long)cases[i], val_is_small(v), small);
    }
}

Test(value, floats_binaries_tuples_lists_refs_funs_are_laid_out_as_value_h_says)
{
    Value f = flt(2.5);
    cr_assert(val_is_float(f) && val_float_get(f) == 2.5, "float 2.5 did not read back");
    Value b = val_make_binary(&A, "hi\0x", 4);
    cr_assert(val_is_binary(b) && val_binary_len(b) == 4 && memcmp(val_binary_bytes(b), "hi\0x", 4) == 0, "binary with NUL");
    cr_assert_eq(hdr_size(val_box_ptr(b)[0]), 2, "a 4-byte binary takes 1 length word + 1 byte word");
    Value t = val_make_tuple(&A, 3);
    cr_assert(val_is_tuple(t) && val_tuple_arity(t) == 3, "tuple/3");
    cr_assert_eq(val_tuple_elems(t)[2], VAL_NIL, "new tuple elements start as []");
    cr_assert(val_is_tuple(val_make_tuple(&A, 0)) && val_tuple_arity(val_make_tuple(&A, 0)) == 0, "empty tuple");
    Value l = list3(val_small(1), val_small(2), val_small(3));
    cr_assert(val_is_cons(l) && val_small_get(val_head(val_tail(val_tail(l)))) == 3, "list [1,2,3]");
    cr_assert_eq(val_tail(val_tail(val_tail(l))), VAL_NIL, "list ends in []");
    Value r1 = val_make_ref(&A), r2 = val_make_ref(&A);
    cr_assert(val_is_ref(r1) && val_ref_get(r1) != val_ref_get(r2), "make_ref gives distinct numbers");
    static const FunHead fh = {.arity = 1, .index = 3, .uniq = 77, .def_arity = 0};
    Value fn = val_make_fun(&A, &fh, 2);
    cr_assert(val_is_fun(fn) && val_fun_info(fn) == &fh && val_fun_nfree(fn) == 2, "fun with 2 free variables");
    Value p = val_pid(110, 3);
    cr_assert(val_is_pid(p) && val_pid_index(p) == 110 && val_pid_serial(p) == 3, "pid fields");
}

Test(value, atoms_intern_once_and_fixed_atoms_have_their_text)
{
    cr_assert_str_eq(atom_name(ATOM_INDEX_OK), "ok");
    cr_assert_str_eq(atom_name(ATOM_INDEX_NIL), "nil");
    cr_assert_eq(atom("ok"), ATOM_OK, "interning \"ok\" must give the fixed ATOM_OK");
    cr_assert_eq(atom("Elixir.RuntimeError"), ATOM_ELIXIR_RUNTIME_ERROR, "fixed alias atom");
    Value a = atom("some_new_atom"), b = atom("some_new_atom");
    cr_assert_eq(a, b, "the same text must give the same atom");
    cr_assert_eq(atom_lookup("some_new_atom", 13), val_atom_index(a), "lookup finds an interned atom");
    cr_assert_eq(atom_lookup("never_interned_xyz", 18), UINT32_MAX, "lookup of a new text fails");
    cr_assert_eq(atom_len(val_atom_index(atom(""))), 0, "the empty atom");
}

#define THREADS 4
#define PER_THREAD 5000
static uint32_t seen[THREADS][PER_THREAD];

static void *intern_many(void *arg)
{
    int t = (int)(intptr_t)arg;
    char name[32];
    for (int i = 0; i < PER_THREAD; i++) {
        snprintf(name, sizeof name, "conc_%d", (i * 7 + t * 13) % PER_THREAD);
        seen[t][(i * 7 + t * 13) % PER_THREAD] = atom_intern(name, strlen(name));
    }
    return NULL;
}

Test(value, concurrent_interning_gives_one_index_per_text)
{
    pthread_t th[THREADS];
    for (int t = 0; t < THREADS; t++)
        pthread_create(&th[t], NULL, intern_many, (void *)(intptr_t)t);
    for (int t = 0; t < THREADS; t++)
        pthread_join(th[t], NULL);
    for (int i = 0; i < PER_THREAD; i++) {
        char name[32];
        snprintf(name, sizeof name, "conc_%d", i);
        for (int t = 1; t < THREADS; t++)
            cr_assert_eq(seen[t][i], seen[0][i], "thread %d got index %u for %s, thread 0 got %u", t, seen[t][i], name, seen[0][i]);
        cr_assert_str_eq(atom_name(seen[0][i]), name, "atom text");
    }
}

Test(value, equality_follows_elixir)
{
    cr_assert(val_equal(val_small(1), flt(1.0)), "1 == 1.0");
    cr_assert(!val_exact_equal(val_small(1), flt(1.0)), "1 === 1.0 is false");
    cr_assert(val_exact_equal(flt(0.0), flt(-0.0)), "0.0 === -0.0 on OTP 24");
    cr_assert(val_equal(tup2(val_small(1), atom("a")), tup2(flt(1.0), atom("a"))), "{1, :a} == {1.0, :a}");
    cr_assert(val_equal(bin("abc"), bin("abc")), "equal binaries");
    cr_assert(!val_equal(bin("abc"), bin("abd")), "different binaries");
    Value k1 = val_small(1), k2 = flt(1.0), v = atom("a");
    Value m1 = map_from_pairs(&A, &k1, &v, 1), m2 = map_from_pairs(&A, &k2, &v, 1);
    cr_assert(!val_equal(m1, m2), "%%{1 => :a} == %%{1.0 => :a} is false: keys compare exactly");
    cr_assert(val_equal(val_make_int(&A, INT64_MAX), val_make_int(&A, INT64_MAX)), "boxed ints");
}

Test(value, term_order_across_types)
{
    static const FunHead fh = {.arity = 0};
    Value order[] = {val_small(-5), flt(2.5), val_small(3), atom("a"), atom("b"), val_make_ref(&A),
                     val_make_fun(&A, &fh, 0), val_pid(1, 0), val_make_tuple(&A, 0), tup2(val_small(1), val_small(1)),
                     map_new(&A), VAL_NIL, list3(val_small(1), val_small(2), val_small(3)), bin(""), bin("a")};
    size_t n = sizeof order / sizeof order[0];
    for (size_t i = 0; i < n; i++)
        for (size_t j = 0; j < n; j++) {
            int r = val_compare(order[i], order[j]);
            int want = i < j ? -1 : i > j;
            cr_assert_eq(r < 0 ? -1 : r > 0, want, "compare(#%zu, #%zu) = %d, expected %d", i, j, r, want);
        }
}

Test(value, numbers_compare_by_value_even_past_2_pow_53)
{
    cr_assert_eq(val_compare(val_small(1), flt(1.0)), 0, "1 vs 1.0");
    cr_assert_lt(val_compare(val_small(1), flt(1.5)), 0, "1 < 1.5");
    cr_assert_gt(val_compare(val_small(2), flt(1.5)), 0, "2 > 1.5");
    Value big = val_make_int(&A, (INT64_C(1) << 53) + 1);
    cr_assert_gt(val_compare(big, flt(9007199254740992.0)), 0, "2^53+1 > 2^53 as float");
    cr_assert_lt(val_compare(val_make_int(&A, INT64_MAX), flt(1e19)), 0, "INT64_MAX < 1e19");
    cr_assert_gt(val_compare(val_make_int(&A, INT64_MIN), flt(-1e19)), 0, "INT64_MIN > -1e19");
    cr_assert_lt(val_compare_exact(val_small(2), flt(1.5)), 0, "key order: every integer before a float");
}

Test(value, containers_compare_like_erlang)
{
    cr_assert_lt(val_compare(tup2(val_small(9), val_small(9)), val_make_tuple(&A, 3)), 0, "tuples: size first");
    cr_assert_lt(val_compare(list3(val_small(1), val_small(2), val_small(3)), val_make_list(&A, (Value[]){val_small(1), val_small(3)}, 2, VAL_NIL)), 0, "lists lexicographic");
    cr_assert_lt(val_compare(VAL_NIL, list3(val_small(1), val_small(2), val_small(3))), 0, "[] first");
    cr_assert_lt(val_compare(bin("ab"), bin("abc")), 0, "prefix binary first");
    Value ka[2] = {atom("b"), atom("a")}, va[2] = {val_small(1), val_small(2)};
    Value kb[2] = {atom("c"), atom("a")}, vb[2] = {val_small(0), val_small(1)};
    cr_assert_lt(val_compare(map_from_pairs(&A, ka, va, 2), map_from_pairs(&A, kb, vb, 2)), 0,
                 "%%{b: 1, a: 2} < %%{c: 0, a: 1}: keys before values");
    cr_assert_lt(val_compare(atom("abc"), atom("abd")), 0, "atoms by text");
}

Test(value, hash_agrees_with_exact_equality)
{
    Value a = list3(bin("x"), tup2(val_small(1), flt(-0.0)), map_new(&A));
    Value b = list3(bin("x"), tup2(val_small(1), flt(0.0)), map_new(&A));
    cr_assert(val_exact_equal(a, b), "built equal");
    cr_assert_eq(val_hash(a), val_hash(b), "equal terms, equal hashes");
    cr_assert_neq(val_hash(val_small(1)), val_hash(flt(1.0)), "1 and 1.0 should hash apart");
    cr_assert_neq(val_hash(list3(val_small(1), val_small(2), val_small(3))), val_hash(list3(val_small(3), val_small(2), val_small(1))), "order matters");
}

static Value long_list(size_t n)
{
    Value l = VAL_NIL;
    for (size_t i = 0; i < n; i++)
        l = val_make_cons(&A, val_small((int64_t)i), l);
    return l;
}

static Value deep_list(size_t n)
{
    Value l = VAL_NIL;
    for (size_t i = 0; i < n; i++)
        l = val_make_cons(&A, l, VAL_NIL);
    return l;
}

Test(value, million_element_and_million_deep_lists_compare_and_hash_without_overflow)
{
    Value a = long_list(1000000), b = long_list(1000000);
    cr_assert(val_exact_equal(a, b), "1M-element lists equal");
    cr_assert_eq(val_hash(a), val_hash(b), "1M-element hashes");
    Value c = deep_list(1000000), d = deep_list(1000000);
    cr_assert(val_equal(c, d), "1M-deep lists equal");
    cr_assert_eq(val_hash(c), val_hash(d), "1M-deep hashes");
    cr_assert_eq(val_flat_size(a), 2000000, "flat size of 1M cons cells");
    cr_assert_eq(val_flat_size(c), 2000000, "flat size of 1M-deep list");
}

Test(value, the_atom_table_stops_at_its_limit)
{
    char name[32];
    uint32_t last = 0;
    size_t made = 0;
    for (uint32_t i = 0; i < ATOM_LIMIT + 10; i++) {
        snprintf(name, sizeof name, "limit_%u", i);
        uint32_t x = atom_intern(name, strlen(name));
        if (x == UINT32_MAX)
            break;
        last = x;
        made++;
    }
    cr_assert_eq(last, ATOM_LIMIT - 1, "the last atom has index %u, expected %u", last, ATOM_LIMIT - 1);
    cr_assert_eq(atom_count(), ATOM_LIMIT, "count at the limit");
    cr_assert_eq(val_atom_cstr("one_more_atom"), THE_NON_VALUE, "a new atom past the limit fails");
    cr_assert_eq(val_atom_cstr("limit_7"), val_atom(atom_lookup("limit_7", 7)), "existing atoms still resolve");
    (void)made;
}
