/* idmap.c: open-addressing id -> value map (see idmap.h). */
#include "rt/idmap.h"

#include <stdlib.h>

static uint32_t hash(uint64_t key, uint32_t mask)
{
    /* Fibonacci hashing mixes the low bits (pids and atoms carry tags there). */
    return (uint32_t)((key * UINT64_C(0x9E3779B97F4A7C15)) >> 32) & mask;
}

void idmap_free(IdMap *m)
{
    free(m->slots);
    idmap_init(m);
}

/* Index of `key`'s slot, or of the empty slot where it would go. cap > 0. */
static uint32_t find(const IdMap *m, uint64_t key)
{
    uint32_t mask = m->cap - 1;
    uint32_t i = hash(key, mask);
    while (m->slots[2 * i] != 0 && m->slots[2 * i] != key)
        i = (i + 1) & mask;
    return i;
}

static int grow(IdMap *m)
{
    uint32_t cap = m->cap ? m->cap * 2 : 4;
    uint64_t *slots = calloc((size_t)cap * 2, sizeof *slots);
    if (slots == NULL)
        return -1;
    IdMap bigger = {slots, cap, 0};
    for (uint32_t i = 0; i < m->cap; i++) {
        uint64_t k = m->slots[2 * i];
        if (k != 0) {
            uint32_t j = find(&bigger, k);
            slots[2 * j] = k;
            slots[2 * j + 1] = m->slots[2 * i + 1];
            bigger.count++;
        }
    }
    free(m->slots);
    *m = bigger;
    return 0;
}

int idmap_put(IdMap *m, uint64_t key, uint64_t value)
{
    if (m->cap > 0) {
        uint32_t i = find(m, key);
        if (m->slots[2 * i] == key) {
            m->slots[2 * i + 1] = value;
            return 0;
        }
    }
    if ((m->count + 1) * 4 > m->cap * 3 && grow(m) != 0)
        return -1;
    uint32_t i = find(m, key);
    m->slots[2 * i] = key;
    m->slots[2 * i + 1] = value;
    m->count++;
    return 1;
}

bool idmap_get(const IdMap *m, uint64_t key, uint64_t *value)
{
    if (m->count == 0)
        return false;
    uint32_t i = find(m, key);
    if (m->slots[2 * i] != key)
        return false;
    if (value != NULL)
        *value = m->slots[2 * i + 1];
    return true;
}

bool idmap_remove(IdMap *m, uint64_t key, uint64_t *value)
{
    if (m->count == 0)
        return false;
    uint32_t mask = m->cap - 1;
    uint32_t i = find(m, key);
    if (m->slots[2 * i] != key)
        return false;
    if (value != NULL)
        *value = m->slots[2 * i + 1];
    /* Backward shift: pull later members of the probe run into the hole when their home
     * slot does not lie (cyclically) after the hole. */
    for (uint32_t j = (i + 1) & mask; m->slots[2 * j] != 0; j = (j + 1) & mask) {
        uint32_t home = hash(m->slots[2 * j], mask);
        if (((j - home) & mask) >= ((j - i) & mask)) {
            m->slots[2 * i] = m->slots[2 * j];
            m->slots[2 * i + 1] = m->slots[2 * j + 1];
            i = j;
        }
    }
    m->slots[2 * i] = 0;
    m->count--;
    return true;
}

bool idmap_next(const IdMap *m, uint32_t *pos, uint64_t *key, uint64_t *value)
{
    for (uint32_t i = *pos; i < m->cap; i++) {
        if (m->slots[2 * i] != 0) {
            *key = m->slots[2 * i];
            *value = m->slots[2 * i + 1];
            *pos = i + 1;
            return true;
        }
    }
    *pos = m->cap;
    return false;
}
