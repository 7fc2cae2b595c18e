/* map.c: persistent maps (map.h). Flat maps are sorted key and value arrays (as BEAM's
 * flatmap); past MAP_FLAT_MAX keys a map becomes a weight-balanced tree (maptree.c). Every
 * update copies what it changes and shares the rest, so old maps stay valid. */
#include "value/map.h"

#include <stdlib.h>

#include "rt/arena.h"
#include "value/maptree.h"

static Value meta(size_t count, bool tree) { return val_small((int64_t)(count * 2 + tree)); }

/* A flat map of `n` entries with its arrays uninitialised. */
static Value flat_alloc(Arena *a, size_t n)
{
    Value *p = arena_alloc(a, 2 + 2 * n);
    if (!p)
        return THE_NON_VALUE;
    p[0] = hdr_make(HDR_MAP, 1 + 2 * n);
    p[1] = meta(n, false);
    return val_box_from(p);
}

/* A tree map over `root` of `count` entries. */
static Value tree_wrap(Arena *a, Value root, size_t count)
{
    if (root == THE_NON_VALUE)
        return root;
    Value *p = arena_alloc(a, 3);
    if (!p)
        return THE_NON_VALUE;
    p[0] = hdr_make(HDR_MAP, 2);
    p[1] = meta(count, true);
    p[2] = root;
    return val_box_from(p);
}

static Value tree_root(Value m) { return val_box_ptr(m)[2]; }

Value map_new(Arena *a)
{
    return flat_alloc(a, 0);
}

static bool is_immediate(Value v)
{
    return !val_is_boxed(v) && !val_is_cons(v);
}

/* Position of `key` in flat map `m` (found) or where it would go (not found). */
static bool flat_find(Value m, Value key, size_t *pos)
{
    const Value *keys = map_flat_keys(m);
    size_t lo = 0, hi = map_size(m);
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int r = val_compare_exact(key, keys[mid]);
        if (r == 0) {
            *pos = mid;
            return true;
        }
        if (r < 0)
            hi = mid;
        else
            lo = mid + 1;
    }
    *pos = lo;
    return false;
}

static Value flat_get(Value m, Value key)
{
    size_t n = map_size(m), pos;
    const Value *keys = map_flat_keys(m);
    if (is_immediate(key)) { /* === is word identity here: a scan beats text compares of atoms */
        for (size_t i = 0; i < n; i++)
            if (keys[i] == key)
                return map_flat_vals(m)[i];
        return THE_NON_VALUE;
    }
    return flat_find(m, key, &pos) ? map_flat_vals(m)[pos] : THE_NON_VALUE;
}

Value map_get(Value m, Value key)
{
    return map_is_flat(m) ? flat_get(m, key) : mtree_get(tree_root(m), key);
}

/* A copy of flat `m` with one entry inserted at `pos` (insert) or replaced at `pos`. */
static Value flat_with(Arena *a, Value m, size_t pos, bool insert, Value key, Value val)
{
    size_t n = map_size(m), nn = n + insert;
    Value r = flat_alloc(a, nn);
    if (r == THE_NON_VALUE)
        return r;
    Value *ok = map_flat_keys(m), *ov = map_flat_vals(m);
    Value *nk = map_flat_keys(r), *nv = map_flat_vals(r);
    memcpy(nk, ok, pos * sizeof(Value));
    memcpy(nv, ov, pos * sizeof(Value));
    nk[pos] = key;
    nv[pos] = val;
    size_t skip = insert ? 0 : 1;
    memcpy(nk + pos + 1, ok + pos + skip, (n - pos - skip) * sizeof(Value));
    memcpy(nv + pos + 1, ov + pos + skip, (n - pos - skip) * sizeof(Value));
    return r;
}

/* Flat map `m` (MAP_FLAT_MAX entries) plus a new key: a tree of the entries with it. */
static Value flat_to_tree(Arena *a, Value m, Value key, Value val)
{
    bool added;
    Value root = mtree_build(a, map_flat_keys(m), map_flat_vals(m), map_size(m));
    if (root != THE_NON_VALUE)
        root = mtree_insert(a, root, key, val, &added);
    return tree_wrap(a, root, map_size(m) + 1);
}

Value map_put(Arena *a, Value m, Value key, Value val)
{
    size_t pos;
    if (!map_is_flat(m)) {
        bool added;
        Value root = mtree_insert(a, tree_root(m), key, val, &added);
        if (root == tree_root(m))
            return m;
        return tree_wrap(a, root, map_size(m) + added);
    }
    if (flat_find(m, key, &pos)) {
        if (map_flat_vals(m)[pos] == val)
            return m;
        return flat_with(a, m, pos, false, key, val);
    }
    if (map_size(m) == MAP_FLAT_MAX)
        return flat_to_tree(a, m, key, val);
    return flat_with(a, m, pos, true, key, val);
}

/* Tree map `m` of MAP_FLAT_MAX + 1 entries without `key` (present): a flat map. */
static Value tree_to_flat(Arena *a, Value m, Value key)
{
    Value r = flat_alloc(a, MAP_FLAT_MAX);
    if (r == THE_NON_VALUE)
        return r;
    Value *nk = map_flat_keys(r), *nv = map_flat_vals(r);
    size_t j = 0;
    for (size_t i = 0; i < MAP_FLAT_MAX + 1; i++) {
        Value k, v;
        mtree_nth(tree_root(m), i, &k, &v);
        if (j == i && val_compare_exact(k, key) == 0)
            continue;
        nk[j] = k;
        nv[j++] = v;
    }
    return r;
}

static Value flat_remove(Arena *a, Value m, size_t pos)
{
    size_t n = map_size(m);
    Value r = flat_alloc(a, n - 1);
    if (r == THE_NON_VALUE)
        return r;
    Value *ok = map_flat_keys(m), *ov = map_flat_vals(m);
    Value *nk = map_flat_keys(r), *nv = map_flat_vals(r);
    memcpy(nk, ok, pos * sizeof(Value));
    memcpy(nv, ov, pos * sizeof(Value));
    memcpy(nk + pos, ok + pos + 1, (n - pos - 1) * sizeof(Value));
    memcpy(nv + pos, ov + pos + 1, (n - pos - 1) * sizeof(Value));
    return r;
}

Value map_remove(Arena *a, Value m, Value key)
{
    size_t pos;
    if (map_is_flat(m))
        return flat_find(m, key, &pos) ? flat_remove(a, m, pos) : m;
    if (mtree_get(tree_root(m), key) == THE_NON_VALUE)
        return m;
    if (map_size(m) == MAP_FLAT_MAX + 1)
        return tree_to_flat(a, m, key);
    return tree_wrap(a, mtree_delete(a, tree_root(m), key), map_size(m) - 1);
}

/* Sorts pair indices by key, a later pair after an equal earlier one. */
static int cmp_pair(const void *x, const void *y, void *keys)
{
    size_t i = *(const size_t *)x, j = *(const size_t *)y;
    int c = val_compare_exact(((const Value *)keys)[i], ((const Value *)keys)[j]);
    return c ? c : (i > j) - (i < j);
}

/* Sorted unique keys and their values (the last duplicate wins) into nk/nv; returns count. */
static size_t sort_pairs(const Value *keys, const Value *vals, size_t n, Value *nk, Value *nv)
{
    size_t *idx = malloc(n * sizeof *idx);
    if (!idx)
        return SIZE_MAX;
    for (size_t i = 0; i < n; i++)
        idx[i] = i;
    qsort_r(idx, n, sizeof *idx, cmp_pair, (void *)keys);
    size_t m = 0;
    for (size_t i = 0; i < n; i++) {
        if (i + 1 < n && val_compare_exact(keys[idx[i]], keys[idx[i + 1]]) == 0)
            continue; /* a later equal key follows: it wins */
        nk[m] = keys[idx[i]];
        nv[m++] = vals[idx[i]];
    }
    free(idx);
    return m;
}

Value map_from_pairs(Arena *a, const Value *keys, const Value *vals, size_t n)
{
    if (n == 0)
        return map_new(a);
    Value *buf = malloc(2 * n * sizeof *buf);
    if (!buf)
        return THE_NON_VALUE;
    size_t m = sort_pairs(keys, vals, n, buf, buf + n);
    Value r = THE_NON_VALUE;
    if (m != SIZE_MAX && m <= MAP_FLAT_MAX) {
        r = flat_alloc(a, m);
        if (r != THE_NON_VALUE) {
            memcpy(map_flat_keys(r), buf, m * sizeof(Value));
            memcpy(map_flat_vals(r), buf + n, m * sizeof(Value));
        }
    } else if (m != SIZE_MAX) {
        r = tree_wrap(a, mtree_build(a, buf, buf + n, m), m);
    }
    free(buf);
    return r;
}

void map_nth(Value m, size_t i, Value *key, Value *val)
{
    if (!map_is_flat(m)) {
        mtree_nth(tree_root(m), i, key, val);
        return;
    }
    *key = map_flat_keys(m)[i];
    *val = map_flat_vals(m)[i];
}

bool map_iter_next(MapIter *it, Value *key, Value *val)
{
    if (it->next >= map_size(it->map))
        return false;
    map_nth(it->map, it->next++, key, val);
    return true;
}

Value map_struct_name(Value m)
{
    Value name = map_get(m, ATOM_STRUCT);
    return val_is_atom(name) ? name : THE_NON_VALUE;
}
