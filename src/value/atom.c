/* atom.c: the global atom table behind atom.h.
 *
 * Owns every atom's text (never freed) and the index -> text and text -> index maps.
 * Layout: texts live in segments of ATOM_SEG entries that never move once published, so
 * atom_name() is two loads. The text -> index map is an open-addressing hash table of
 * (index + 1) slots; when it passes half full the inserter builds a bigger copy and publishes
 * it, keeping the old ones on a retired list (readers may still be probing them).
 * Invariants: an index is published (hash slot stored with release) only after its entry is
 * complete; a reader that found an index through a slot, or through any value handed over with
 * a happens-before edge, sees the entry. A reader probing a retired table may miss an atom
 * inserted since; atom_intern then re-checks under the mutex, so no atom is ever interned twice.
 */
#include "value/atom.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#define ATOM_SEG_BITS 10
#define ATOM_SEG      (1u << ATOM_SEG_BITS)
#define ATOM_NSEG     (ATOM_LIMIT / ATOM_SEG)
#define SLOTS_FIRST   4096u

typedef struct AtomEntry {
    const char *name; /* NUL-terminated copy */
    uint32_t len;
    uint32_t hash;
} AtomEntry;

typedef struct HashTable {
    struct HashTable *retired; /* older tables, kept alive for readers still probing them */
    uint32_t mask;             /* slots - 1 */
    _Atomic uint32_t slots[];  /* 0 = empty, else atom index + 1 */
} HashTable;

/* any thread, atomic */
static _Atomic(AtomEntry *) segments[ATOM_NSEG];
static _Atomic(HashTable *) table;
/* guarded by lock */
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static uint32_t count;
static pthread_once_t init_once = PTHREAD_ONCE_INIT;

static uint32_t hash_bytes(const char *s, size_t len)
{
    uint32_t h = 2166136261u; /* FNV-1a */
    for (size_t i = 0; i < len; i++) {
        h ^= (unsigned char)s[i];
        h *= 16777619u;
    }
    return h;
}

static AtomEntry *entry(uint32_t index)
{
    /* acquire: pairs with the release that published the segment pointer */
    AtomEntry *seg = atomic_load_explicit(&segments[index >> ATOM_SEG_BITS], memory_order_acquire);
    return &seg[index & (ATOM_SEG - 1)];
}

/* Probes `t` for the text; returns the index or UINT32_MAX. Lock-free. */
static uint32_t probe(HashTable *t, const char *name, size_t len, uint32_t h)
{
    for (uint32_t i = h & t->mask;; i = (i + 1) & t->mask) {
        /* acquire: pairs with the release store in put_slot, so the entry is complete */
        uint32_t s = atomic_load_explicit(&t->slots[i], memory_order_acquire);
        if (s == 0)
            return UINT32_MAX;
        AtomEntry *e = entry(s - 1);
        if (e->hash == h && e->len == len && memcmp(e->name, name, len) == 0)
            return s - 1;
    }
}

static void put_slot(HashTable *t, uint32_t index, uint32_t h)
{
    uint32_t i = h & t->mask;
    while (atomic_load_explicit(&t->slots[i], memory_order_relaxed) != 0)
        i = (i + 1) & t->mask;
    atomic_store_explicit(&t->slots[i], index + 1, memory_order_release);
}

static HashTable *table_new(uint32_t nslots)
{
    HashTable *t = calloc(1, sizeof *t + nslots * sizeof(uint32_t));
    if (t)
        t->mask = nslots - 1;
    return t;
}

/* Called with the lock held when the table would pass half full. */
static bool table_grow(HashTable *old)
{
    HashTable *t = table_new((old->mask + 1) * 2);
    if (!t)
        return false;
    for (uint32_t i = 0; i < count; i++)
        put_slot(t, i, entry(i)->hash);
    t->retired = old;
    /* release: readers that load the new table see all its slots */
    atomic_store_explicit(&table, t, memory_order_release);
    return true;
}

/* Called with the lock held. Returns the new index or UINT32_MAX. */
static uint32_t insert_locked(const char *name, size_t len, uint32_t h)
{
    HashTable *t = atomic_load_explicit(&table, memory_order_relaxed);
    if (count >= ATOM_LIMIT || len > UINT32_MAX)
        return UINT32_MAX;
    if ((count + 1) * 2 > t->mask + 1) {
        if (!table_grow(t))
            return UINT32_MAX;
        t = atomic_load_explicit(&table, memory_order_relaxed);
    }
    uint32_t seg = count >> ATOM_SEG_BITS;
    if (atomic_load_explicit(&segments[seg], memory_order_relaxed) == NULL) {
        AtomEntry *s = calloc(ATOM_SEG, sizeof *s);
        if (!s)
            return UINT32_MAX;
        atomic_store_explicit(&segments[seg], s, memory_order_release);
    }
    char *copy = malloc(len + 1);
    if (!copy)
        return UINT32_MAX;
    memcpy(copy, name, len);
    copy[len] = '\0';
    uint32_t index = count;
    AtomEntry *e = entry(index);
    e->name = copy;
    e->len = (uint32_t)len;
    e->hash = h;
    count++;
    put_slot(t, index, h);
    return index;
}

static void init_table(void)
{
    static const struct { const char *s; } fixed[] = {
#define X(c, s) {s},
        ATOM_LIST(X)
#undef X
    };
    atomic_store(&table, table_new(SLOTS_FIRST));
    pthread_mutex_lock(&lock);
    for (size_t i = 0; i < sizeof fixed / sizeof fixed[0]; i++)
        insert_locked(fixed[i].s, strlen(fixed[i].s), hash_bytes(fixed[i].s, strlen(fixed[i].s)));
    pthread_mutex_unlock(&lock);
}

void atom_init(void)
{
    pthread_once(&init_once, init_table);
}

uint32_t atom_lookup(const char *name, size_t len)
{
    atom_init();
    HashTable *t = atomic_load_explicit(&table, memory_order_acquire);
    return probe(t, name, len, hash_bytes(name, len));
}

uint32_t atom_intern(const char *name, size_t len)
{
    atom_init();
    uint32_t h = hash_bytes(name, len);
    uint32_t index = probe(atomic_load_explicit(&table, memory_order_acquire), name, len, h);
    if (index != UINT32_MAX)
        return index;
    pthread_mutex_lock(&lock);
    /* Another thread may have inserted it, or grown the table, since the lock-free probe. */
    index = probe(atomic_load_explicit(&table, memory_order_relaxed), name, len, h);
    if (index == UINT32_MAX)
        index = insert_locked(name, len, h);
    pthread_mutex_unlock(&lock);
    return index;
}

const char *atom_name(uint32_t index)
{
    atom_init(); /* the fixed atoms are compile-time constants: their texts must exist */
    return entry(index)->name;
}

size_t atom_len(uint32_t index)
{
    atom_init();
    return entry(index)->len;
}

uint32_t atom_count(void)
{
    atom_init();
    pthread_mutex_lock(&lock);
    uint32_t n = count;
    pthread_mutex_unlock(&lock);
    return n;
}
