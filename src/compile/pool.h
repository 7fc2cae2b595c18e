/* pool.h: the compiler's scratch memory. Everything a compilation allocates while it works
 * comes from one Pool and is freed at once at the end, whether it succeeded or stopped at an
 * error (the compiler leaves by longjmp on errors, so nothing may be malloc'd on the side).
 * The compiled Code is copied out of the pool into permanent memory (see emit.c).
 */
#ifndef EMBER_POOL_H
#define EMBER_POOL_H
#include <stddef.h>

typedef struct PoolBlock PoolBlock;

typedef struct Pool {
    PoolBlock *blocks; /* every live allocation, doubly linked */
} Pool;

/* Returns `size` zeroed bytes owned by `pool`. Aborts the process only if malloc fails. */
void *pool_alloc(Pool *pool, size_t size);

/* Resizes `ptr` (from pool_alloc/pool_grow on `pool`, or NULL) to `size` bytes; new bytes are
 * zeroed. Returns the (possibly moved) block. */
void *pool_grow(Pool *pool, void *ptr, size_t old_size, size_t size);

/* Copies the NUL-terminated `s` into `pool`. */
char *pool_strdup(Pool *pool, const char *s);

/* Frees every block of `pool`. */
void pool_free_all(Pool *pool);

#endif
