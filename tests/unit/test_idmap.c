/* Unit tests of src/rt/idmap: put/get/remove against a reference array, iteration. */
#include <criterion/criterion.h>
#include <stdlib.h>

#include "rt/idmap.h"

Test(idmap, empty_map_finds_nothing)
{
    IdMap m;
    idmap_init(&m);
    cr_assert_not(idmap_get(&m, 42, NULL));
    cr_assert_not(idmap_remove(&m, 42, NULL));
    uint32_t pos = 0;
    uint64_t k, v;
    cr_assert_not(idmap_next(&m, &pos, &k, &v));
    idmap_free(&m);
}

Test(idmap, put_replaces_and_reports_new_keys)
{
    IdMap m;
    idmap_init(&m);
    cr_assert_eq(idmap_put(&m, 7, 70), 1);
    cr_assert_eq(idmap_put(&m, 7, 71), 0, "second put of a key should replace it");
    uint64_t v = 0;
    cr_assert(idmap_get(&m, 7, &v));
    cr_assert_eq(v, 71);
    cr_assert_eq(idmap_count(&m), 1);
    idmap_free(&m);
}

/* Random operations checked against a plain array indexed by key. */
Test(idmap, matches_a_reference_under_random_operations)
{
    enum { KEYS = 2000, OPS = 200000 };
    static uint64_t ref[KEYS]; /* 0 = absent, else value */
    IdMap m;
    idmap_init(&m);
    srand(7);
    uint32_t count = 0;
    for (int op = 0; op < OPS; op++) {
        uint64_t key = (uint64_t)(rand() % KEYS);
        uint64_t k = key * 64 + 20; /* pid-like keys: same low bits */
        if (rand() % 3 != 0) {
            uint64_t val = (uint64_t)rand() + 1;
            int r = idmap_put(&m, k, val);
            cr_assert_eq(r, ref[key] == 0 ? 1 : 0, "put of key %lu: wrong new/replaced",
                         (unsigned long)k);
            count += ref[key] == 0;
            ref[key] = val;
        } else {
            uint64_t got = 0;
            bool had = idmap_remove(&m, k, &got);
            cr_assert_eq(had, ref[key] != 0, "remove of key %lu: presence differs",
                         (unsigned long)k);
            if (had) {
                cr_assert_eq(got, ref[key]);
                count--;
            }
            ref[key] = 0;
        }
    }
    cr_assert_eq(idmap_count(&m), count);
    for (uint64_t key = 0; key < KEYS; key++) {
        uint64_t got = 0;
        bool has = idmap_get(&m, key * 64 + 20, &got);
        cr_assert_eq(has, ref[key] != 0, "key %lu: presence differs", (unsigned long)key);
        if (has)
            cr_assert_eq(got, ref[key]);
    }
    uint32_t pos = 0, seen = 0;
    uint64_t k, v;
    while (idmap_next(&m, &pos, &k, &v)) {
        cr_assert_eq(ref[(k - 20) / 64], v);
        seen++;
    }
    cr_assert_eq(seen, count, "iteration saw %u pairs, map holds %u", seen, count);
    idmap_free(&m);
}
