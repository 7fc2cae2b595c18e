/* idmap.h: a small hash map from nonzero 64-bit ids to 64-bit values, for the runtime's
 * per-process tables (links: pid -> flags, monitors: reference number -> pid) and the
 * registry (atom index -> pid).
 *
 * Owns: its slot array. Does not own: locking (the user's structure says who may touch it).
 * Invariants: open addressing with linear probing and backward-shift deletion (no
 * tombstones); load factor <= 3/4; an empty map holds no memory (16 bytes, all zero valid).
 */
#ifndef EMBER_IDMAP_H
#define EMBER_IDMAP_H
#include <stdbool.h>
#include <stdint.h>

#ifndef MUST_CHECK
#define MUST_CHECK __attribute__((warn_unused_result))
#endif

typedef struct IdMap {
    uint64_t *slots; /* cap pairs {key, value}; key 0 = empty */
    uint32_t cap;    /* 0 or a power of two */
    uint32_t count;
} IdMap;

/* Makes `m` empty (no memory). */
static inline void idmap_init(IdMap *m)
{
    m->slots = 0;
    m->cap = 0;
    m->count = 0;
}

/* Frees `m`'s memory; it is left empty. */
void idmap_free(IdMap *m);

/* Sets `key` (nonzero) to `value`. Returns 1 if the key is new, 0 if it was replaced, -1 if
 * memory ran out (then `m` is unchanged). */
MUST_CHECK int idmap_put(IdMap *m, uint64_t key, uint64_t value);

/* Looks `key` up: true and *value (if value is not NULL) when present. */
bool idmap_get(const IdMap *m, uint64_t key, uint64_t *value);

/* Removes `key`: true and *value (if not NULL) when it was present. Never allocates. */
bool idmap_remove(IdMap *m, uint64_t key, uint64_t *value);

/* Iterates: start with *pos = 0; each call returns true with the next pair, false at the end.
 * The map must not change during the iteration. */
bool idmap_next(const IdMap *m, uint32_t *pos, uint64_t *key, uint64_t *value);

static inline uint32_t idmap_count(const IdMap *m) { return m->count; }

#endif
