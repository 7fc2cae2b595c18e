/* maptree.c: the weight-balanced tree (maptree.h). Rotations follow Adams (1993) with the
 * parameters Straka (2011) proved correct: a subtree may outweigh its sibling at most
 * DELTA times; a rotation is double when the inner grandchild is at least RATIO times the
 * outer one. */
#include "value/maptree.h"

#include "rt/arena.h"

#define DELTA 3
#define RATIO 2

enum { N_KEY, N_VAL, N_LEFT, N_RIGHT, N_SIZE };

static Value *fields(Value t) { return val_tuple_elems(t); }

size_t mtree_size(Value t)
{
    return t == VAL_NIL ? 0 : (size_t)val_small_get(fields(t)[N_SIZE]);
}

static Value node(Arena *a, Value k, Value v, Value l, Value r)
{
    if (l == THE_NON_VALUE || r == THE_NON_VALUE)
        return THE_NON_VALUE;
    Value n = val_make_tuple(a, 5);
    if (n == THE_NON_VALUE)
        return n;
    Value *f = fields(n);
    f[N_KEY] = k;
    f[N_VAL] = v;
    f[N_LEFT] = l;
    f[N_RIGHT] = r;
    f[N_SIZE] = val_small((int64_t)(mtree_size(l) + mtree_size(r) + 1));
    return n;
}

/* r outweighs l: move weight from the right to the left. */
static Value rotate_left(Arena *a, Value k, Value v, Value l, Value r)
{
    Value *rf = fields(r);
    Value rl = rf[N_LEFT], rr = rf[N_RIGHT];
    if (mtree_size(rl) < RATIO * mtree_size(rr))
        return node(a, rf[N_KEY], rf[N_VAL], node(a, k, v, l, rl), rr);
    Value *g = fields(rl);
    return node(a, g[N_KEY], g[N_VAL], node(a, k, v, l, g[N_LEFT]), node(a, rf[N_KEY], rf[N_VAL], g[N_RIGHT], rr));
}

/* l outweighs r: move weight from the left to the right. */
static Value rotate_right(Arena *a, Value k, Value v, Value l, Value r)
{
    Value *lf = fields(l);
    Value ll = lf[N_LEFT], lr = lf[N_RIGHT];
    if (mtree_size(lr) < RATIO * mtree_size(ll))
        return node(a, lf[N_KEY], lf[N_VAL], ll, node(a, k, v, lr, r));
    Value *g = fields(lr);
    return node(a, g[N_KEY], g[N_VAL], node(a, lf[N_KEY], lf[N_VAL], ll, g[N_LEFT]), node(a, k, v, g[N_RIGHT], r));
}

/* A node of k => v over l and r, rebalanced after one side changed by one entry. */
static Value balance(Arena *a, Value k, Value v, Value l, Value r)
{
    if (l == THE_NON_VALUE || r == THE_NON_VALUE)
        return THE_NON_VALUE;
    size_t sl = mtree_size(l), sr = mtree_size(r);
    if (sl + sr >= 2) {
        if (sr > DELTA * sl)
            return rotate_left(a, k, v, l, r);
        if (sl > DELTA * sr)
            return rotate_right(a, k, v, l, r);
    }
    return node(a, k, v, l, r);
}

Value mtree_get(Value t, Value key)
{
    while (t != VAL_NIL) {
        Value *f = fields(t);
        int c = val_compare_exact(key, f[N_KEY]);
        if (c == 0)
            return f[N_VAL];
        t = c < 0 ? f[N_LEFT] : f[N_RIGHT];
    }
    return THE_NON_VALUE;
}

Value mtree_insert(Arena *a, Value t, Value key, Value val, bool *added)
{
    if (t == VAL_NIL) {
        *added = true;
        return node(a, key, val, VAL_NIL, VAL_NIL);
    }
    Value *f = fields(t);
    int c = val_compare_exact(key, f[N_KEY]);
    if (c < 0)
        return balance(a, f[N_KEY], f[N_VAL], mtree_insert(a, f[N_LEFT], key, val, added), f[N_RIGHT]);
    if (c > 0)
        return balance(a, f[N_KEY], f[N_VAL], f[N_LEFT], mtree_insert(a, f[N_RIGHT], key, val, added));
    *added = false;
    return f[N_VAL] == val ? t : node(a, f[N_KEY], val, f[N_LEFT], f[N_RIGHT]);
}

/* `t` (not empty) without its first entry, which goes to *k, *v. */
static Value delete_min(Arena *a, Value t, Value *k, Value *v)
{
    Value *f = fields(t);
    if (f[N_LEFT] == VAL_NIL) {
        *k = f[N_KEY];
        *v = f[N_VAL];
        return f[N_RIGHT];
    }
    Value l = delete_min(a, f[N_LEFT], k, v);
    return balance(a, f[N_KEY], f[N_VAL], l, f[N_RIGHT]);
}

/* `t` (not empty) without its last entry, which goes to *k, *v. */
static Value delete_max(Arena *a, Value t, Value *k, Value *v)
{
    Value *f = fields(t);
    if (f[N_RIGHT] == VAL_NIL) {
        *k = f[N_KEY];
        *v = f[N_VAL];
        return f[N_LEFT];
    }
    Value r = delete_max(a, f[N_RIGHT], k, v);
    return balance(a, f[N_KEY], f[N_VAL], f[N_LEFT], r);
}

/* Joins two balanced siblings whose parent entry was removed. */
static Value glue(Arena *a, Value l, Value r)
{
    Value k, v;
    if (l == VAL_NIL)
        return r;
    if (r == VAL_NIL)
        return l;
    if (mtree_size(l) > mtree_size(r)) {
        Value l2 = delete_max(a, l, &k, &v);
        return balance(a, k, v, l2, r);
    }
    Value r2 = delete_min(a, r, &k, &v);
    return balance(a, k, v, l, r2);
}

Value mtree_delete(Arena *a, Value t, Value key)
{
    Value *f = fields(t);
    int c = val_compare_exact(key, f[N_KEY]);
    if (c < 0)
        return balance(a, f[N_KEY], f[N_VAL], mtree_delete(a, f[N_LEFT], key), f[N_RIGHT]);
    if (c > 0)
        return balance(a, f[N_KEY], f[N_VAL], f[N_LEFT], mtree_delete(a, f[N_RIGHT], key));
    return glue(a, f[N_LEFT], f[N_RIGHT]);
}

void mtree_nth(Value t, size_t i, Value *key, Value *val)
{
    for (;;) {
        Value *f = fields(t);
        size_t sl = mtree_size(f[N_LEFT]);
        if (i == sl) {
            *key = f[N_KEY];
            *val = f[N_VAL];
            return;
        }
        if (i < sl) {
            t = f[N_LEFT];
        } else {
            i -= sl + 1;
            t = f[N_RIGHT];
        }
    }
}

Value mtree_build(Arena *a, const Value *keys, const Value *vals, size_t n)
{
    if (n == 0)
        return VAL_NIL;
    size_t mid = n / 2;
    Value l = mtree_build(a, keys, vals, mid);
    Value r = mtree_build(a, keys + mid + 1, vals + mid + 1, n - mid - 1);
    return node(a, keys[mid], vals[mid], l, r);
}
