/* pool.c: the compiler's scratch memory (pool.h). Each block carries a header linking it into
 * the pool's list, so a block can be resized or the whole pool freed in one walk. */
#include "compile/pool.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct PoolBlock {
    PoolBlock *prev, *next;
    max_align_t align[];
};

static void *oom(void)
{
    fputs("ember: out of memory while compiling\n", stderr);
    abort();
}

static void link_block(Pool *pool, PoolBlock *b)
{
    b->prev = NULL;
    b->next = pool->blocks;
    if (pool->blocks) pool->blocks->prev = b;
    pool->blocks = b;
}

static void unlink_block(Pool *pool, PoolBlock *b)
{
    if (b->prev) b->prev->next = b->next;
    else pool->blocks = b->next;
    if (b->next) b->next->prev = b->prev;
}

void *pool_alloc(Pool *pool, size_t size)
{
    PoolBlock *b = calloc(1, sizeof *b + size);
    if (!b) return oom();
    link_block(pool, b);
    return b->align;
}

void *pool_grow(Pool *pool, void *ptr, size_t old_size, size_t size)
{
    if (!ptr) return pool_alloc(pool, size);
    PoolBlock *b = (PoolBlock *)((char *)ptr - offsetof(PoolBlock, align));
    unlink_block(pool, b);
    PoolBlock *nb = realloc(b, sizeof *nb + size);
    if (!nb) return oom();
    if (size > old_size) memset((char *)nb->align + old_size, 0, size - old_size);
    link_block(pool, nb);
    return nb->align;
}

char *pool_strdup(Pool *pool, const char *s)
{
    size_t n = strlen(s);
    char *d = pool_alloc(pool, n + 1);
    memcpy(d, s, n);
    return d;
}

void pool_free_all(Pool *pool)
{
    PoolBlock *b = pool->blocks;
    while (b) {
        PoolBlock *next = b->next;
        free(b);
        b = next;
    }
    pool->blocks = NULL;
}
