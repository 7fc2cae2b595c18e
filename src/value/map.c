/* map.c: persistent maps (map.h). Flat maps are sorted key and value arrays (as BEAM's
 * flatmap); past MAP_FLAT_MAX keys a map becomes a weight-balanced tree (maptree.c). Every
 * update copies what it changes and shares the rest, so old maps stay valid. */
#include "value/map.h"

#include <stdlib.h>

#include "rt/arena.h"

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
    return flat_get(m, key);
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

Value map_put(Arena *a, Value m, Value key, Value val)
{
    size_t pos;
    if (flat_find(m, key, &pos)) {
        if (map_flat_vals(m)[pos] == val)
            return m;
        return flat_with(a, m, pos, false, key, val);
    }
    return flat_with(a, m, pos, true, key, val);
}

Value map_remove(Arena *a, Value m, Value key)
{
    size_t pos, n = map_size(m);
    if (!flat_find(m, key, &pos))
        return m;
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

Value map_from_pairs(Arena *a, const Value *keys, const Value *vals, size_t n)
{
    Value m = map_new(a);
    for (size_t i = 0; i < n && m != THE_NON_VALUE; i++)
        m = map_put(a, m, keys[i], vals[i]);
    return m;
}

void map_nth(Value m, size_t i, Value *key, Value *val)
{
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
