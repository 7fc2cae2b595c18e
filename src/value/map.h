/* map.h: persistent (functional) maps: every update returns a new map and leaves the old one
 * valid, as Elixir's Map.put/3. Structs and exceptions are maps with a :__struct__ key.
 *
 * Layout (HDR_MAP; every payload word is a Value, so the collector scans it like a tuple):
 *   word 1: small integer count * 2 + kind (kind 0 = flat, 1 = tree)
 *   flat (count <= MAP_FLAT_MAX, as BEAM's flatmap): words 2..n+1 the keys in key order
 *        (val_compare_exact), words n+2..2n+1 the values in the same order.
 *   tree (count > MAP_FLAT_MAX): word 2 the root of a persistent weight-balanced tree whose
 *        nodes are 5-tuples {key, value, left, right, size} ([] = empty subtree), in key order.
 * Invariants: a map is flat exactly when it has <= 32 keys; keys are unique under ===.
 * Iteration is in key order (Elixir's order for <= 32 keys; BEAM uses hash order past that).
 * Lookups are O(log n) (immediate keys in flat maps: a word scan); updates are O(n) for flat
 * maps (n <= 32) and O(log n) for trees.
 */
#ifndef EMBER_MAP_H
#define EMBER_MAP_H
#include <stdbool.h>
#include <stddef.h>

#include "value/value.h"

#define MAP_FLAT_MAX 32

static inline size_t map_size(Value m) { return (size_t)(val_small_get(val_box_ptr(m)[1]) >> 1); }
static inline bool map_is_flat(Value m) { return (val_small_get(val_box_ptr(m)[1]) & 1) == 0; }
/* Flat maps only: the key and value arrays. */
static inline Value *map_flat_keys(Value m) { return (Value *)val_box_ptr(m) + 2; }
static inline Value *map_flat_vals(Value m) { return (Value *)val_box_ptr(m) + 2 + map_size(m); }

/* The empty map %{} in `a`; THE_NON_VALUE if out of memory. */
Value map_new(Arena *a);

/* The value of `key` in `m` (=== on keys), or THE_NON_VALUE if absent. */
Value map_get(Value m, Value key);

/* A new map: `m` with `key` set to `val`. `m` is unchanged. THE_NON_VALUE if out of memory. */
Value map_put(Arena *a, Value m, Value key, Value val);

/* A new map: `m` without `key` (m itself if key is absent). THE_NON_VALUE if out of memory. */
Value map_remove(Arena *a, Value m, Value key);

/* A map of the `n` pairs keys[i] => vals[i]; a later duplicate key wins (as Map.new/1 and the
 * %{} literal). THE_NON_VALUE if out of memory. */
Value map_from_pairs(Arena *a, const Value *keys, const Value *vals, size_t n);

/* The i-th entry (0-based, key order) of `m`: O(1) flat, O(log n) tree. i < map_size(m). */
void map_nth(Value m, size_t i, Value *key, Value *val);

/* Iteration in key order: MapIter it; map_iter_init(&it, m); while (map_iter_next(&it, &k, &v)).
 * Holds no memory; a collection invalidates it (like any Value not in a root). */
typedef struct MapIter {
    Value map;
    size_t next;
} MapIter;
static inline void map_iter_init(MapIter *it, Value m) { it->map = m; it->next = 0; }
bool map_iter_next(MapIter *it, Value *key, Value *val);

/* The struct name if `m` is a struct (has an atom under :__struct__), else THE_NON_VALUE. */
Value map_struct_name(Value m);

#endif
