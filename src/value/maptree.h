/* maptree.h: the persistent weight-balanced tree behind maps of more than 32 keys (map.h).
 * Internal to src/value; map.c is its only user.
 *
 * A tree is [] (empty) or a node: a 5-tuple {key, value, left, right, size} where size is a
 * small integer (entries in the subtree), keys in key order (val_compare_exact). Balance as
 * Adams' weight-balanced trees (delta 3, ratio 2): height stays within ~2 log2 n, so the
 * recursive operations below are at most ~130 calls deep for any map that fits in memory.
 * Updates copy the path to the changed node and share everything else. Functions that
 * allocate return THE_NON_VALUE when out of memory.
 */
#ifndef EMBER_MAPTREE_H
#define EMBER_MAPTREE_H
#include <stdbool.h>
#include <stddef.h>

#include "value/value.h"

/* Entries in tree `t`. */
size_t mtree_size(Value t);
/* The value under `key`, or THE_NON_VALUE. */
Value mtree_get(Value t, Value key);
/* `t` with key => val (replacing an equal key's value); *added tells whether it is new. */
Value mtree_insert(Arena *a, Value t, Value key, Value val, bool *added);
/* `t` without `key`, which must be present. */
Value mtree_delete(Arena *a, Value t, Value key);
/* The i-th entry in key order, i < mtree_size(t). */
void mtree_nth(Value t, size_t i, Value *key, Value *val);
/* A balanced tree of `n` entries already in key order with unique keys. */
Value mtree_build(Arena *a, const Value *keys, const Value *vals, size_t n);

#endif
