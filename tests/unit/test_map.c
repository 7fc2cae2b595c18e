/* test_map.c: persistent maps (src/value/map.c, maptree.c) against a simple model. */
#include <criterion/criterion.h>
#include <stdlib.h>

#include "rt/arena.h"
#include "value/map.h"
#include "value/maptree.h"
#include "value/value.h"

static Arena A;
static void setup(void) { atom_init(); arena_init(&A); }
static void teardown(void) { arena_free(&A); }
TestSuite(map, .init = setup, .fini = teardown);

#define I(n) val_small(n)

/* Checks the weight-balance and order invariants of a tree; returns its size. */
static size_t check_tree(Value t, Value *prev)
{
    if (t == VAL_NIL)
        return 0;
    Value *f = val_tuple_elems(t);
    size_t l = check_tree(f[2], prev);
    if (*prev != THE_NON_VALUE)
        cr_assert_lt(val_compare_exact(*prev, f[0]), 0, "tree keys out of order");
    *prev = f[0];
    size_t r = check_tree(f[3], prev);
    cr_assert_eq((size_t)val_small_get(f[4]), l + r + 1, "size field wrong");
    if (l + r >= 2)
        cr_assert(l <= 3 * r + 1 && r <= 3 * l + 1, "unbalanced node: %zu vs %zu", l, r);
    return l + r + 1;
}

static void check_map(Value m, const int *model, size_t nmodel)
{
    size_t n = 0;
    for (size_t i = 0; i < nmodel; i++)
        if (model[i] >= 0) {
            Value v = map_get(m, I((int64_t)i));
            cr_assert_neq(v, THE_NON_VALUE, "key %zu missing", i);
            cr_assert_eq(val_small_get(v), model[i], "key %zu: got %lld want %d", i, (long long)val_small_get(v), model[i]);
            n++;
        } else {
            cr_assert_eq(map_get(m, I((int64_t)i)), THE_NON_VALUE, "removed key %zu still there", i);
        }
    cr_assert_eq(map_size(m), n, "size %zu, model has %zu", map_size(m), n);
    cr_assert_eq(map_is_flat(m), n <= MAP_FLAT_MAX, "a map is flat exactly when it has <= 32 keys (n=%zu)", n);
    if (!map_is_flat(m)) {
        Value prev = THE_NON_VALUE;
        cr_assert_eq(check_tree(val_box_ptr(m)[2], &prev), n, "tree size");
    }
    MapIter it;
    Value k, v, last = THE_NON_VALUE;
    map_iter_init(&it, m);
    size_t seen = 0;
    while (map_iter_next(&it, &k, &v)) {
        if (last != THE_NON_VALUE)
            cr_assert_lt(val_compare(last, k), 0, "iteration not in key order");
        last = k;
        seen++;
    }
    cr_assert_eq(seen, n, "iteration saw %zu of %zu", seen, n);
}

Test(map, random_puts_and_removes_match_a_model_and_old_versions_stay_valid)
{
    enum { KEYS = 300, STEPS = 4000 };
    int model[KEYS], old_model[KEYS];
    for (int i = 0; i < KEYS; i++)
        model[i] = -1;
    Value m = map_new(&A), old = m;
    memcpy(old_model, model, sizeof model);
    srand(42);
    for (int step = 0; step < STEPS; step++) {
        int k = rand() % (step < 2000 ? KEYS : 40); /* later steps shrink back through 32 */
        if (rand() % 3 == 0 || step >= 2000) {
            m = map_remove(&A, m, I(k));
            model[k] = -1;
        } else {
            m = map_put(&A, m, I(k), I(step));
            model[k] = step;
        }
        cr_assert_neq(m, THE_NON_VALUE, "out of memory");
        if (step % 97 == 0) {
            check_map(m, model, KEYS);
            check_map(old, old_model, KEYS); /* persistence: an old version never changes */
            old = m;
            memcpy(old_model, model, sizeof model);
        }
    }
    check_map(m, model, KEYS);
}

Test(map, keys_compare_exactly)
{
    Value m = map_put(&A, map_new(&A), I(1), val_atom_cstr("int"));
    m = map_put(&A, m, val_make_float(&A, 1.0), val_atom_cstr("float"));
    cr_assert_eq(map_size(m), 2, "1 and 1.0 are different keys");
    cr_assert_eq(map_get(m, I(1)), val_atom_cstr("int"), "integer key");
    cr_assert_eq(map_get(m, val_make_float(&A, 1.0)), val_atom_cstr("float"), "float key");
    Value k1 = val_make_binary(&A, "key", 3), k2 = val_make_binary(&A, "key", 3);
    m = map_put(&A, m, k1, I(5));
    cr_assert_eq(map_get(m, k2), I(5), "an equal binary finds the entry");
}

Test(map, from_pairs_sorts_and_the_last_duplicate_wins)
{
    for (size_t n = 1; n <= 100; n += 33) {
        Value *ks = malloc(2 * n * sizeof *ks);
        for (size_t i = 0; i < n; i++) {
            ks[i] = I((int64_t)((i * 7) % n));
            ks[n + i] = I((int64_t)i);
        }
        Value m = map_from_pairs(&A, ks, ks + n, n);
        Value m2 = map_from_pairs(&A, ks, ks + n, n);
        cr_assert(val_exact_equal(m, m2) && val_hash(m) == val_hash(m2), "same pairs, same map");
        cr_assert_eq(map_size(m), n, "n=%zu: size %zu", n, map_size(m));
        Value dup[3] = {I(1), I(1), I(2)}, vals[3] = {I(10), I(11), I(12)};
        Value d = map_from_pairs(&A, dup, vals, 3);
        cr_assert_eq(map_get(d, I(1)), I(11), "later duplicate wins");
        free(ks);
    }
}

Test(map, equal_maps_built_in_different_orders_are_equal_and_hash_alike)
{
    Value a = map_new(&A), b = map_new(&A);
    for (int i = 0; i < 100; i++) {
        a = map_put(&A, a, I(i), I(i * 2));
        b = map_put(&A, b, I(99 - i), I((99 - i) * 2));
    }
    cr_assert(val_exact_equal(a, b), "same entries");
    cr_assert_eq(val_hash(a), val_hash(b), "same hash");
    cr_assert_eq(val_compare(a, map_put(&A, b, I(50), I(0))), 1, "values compare after keys");
}

Test(map, structs_are_maps_with_a_struct_key)
{
    Value ks[2] = {ATOM_STRUCT, ATOM_MESSAGE}, vs[2] = {ATOM_ELIXIR_RUNTIME_ERROR, ATOM_OK};
    Value s = map_from_pairs(&A, ks, vs, 2);
    cr_assert_eq(map_struct_name(s), ATOM_ELIXIR_RUNTIME_ERROR, "struct name");
    cr_assert_eq(map_struct_name(map_new(&A)), THE_NON_VALUE, "a plain map is no struct");
}

Test(map, a_hundred_thousand_puts_stay_fast)
{
    Value m = map_new(&A);
    for (int i = 0; i < 100000; i++)
        m = map_put(&A, m, I((i * 7919) % 100000), I(i));
    cr_assert_eq(map_size(m), 100000, "size");
    for (int i = 0; i < 100000; i += 999)
        cr_assert_neq(map_get(m, I(i)), THE_NON_VALUE, "key %d", i);
}
