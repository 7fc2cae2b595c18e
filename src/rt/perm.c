/* perm.c: the table of blocks that live until exit (perm.h). */
#include "rt/perm.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static pthread_mutex_t perm_lock = PTHREAD_MUTEX_INITIALIZER;
static void **kept;            /* guarded by perm_lock */
static size_t nkept, cap_kept; /* guarded by perm_lock */

static void *oom(void)
{
    fputs("ember: out of memory\n", stderr);
    abort();
}

void perm_keep(void *ptr)
{
    if (!ptr) return;
    pthread_mutex_lock(&perm_lock);
    if (nkept == cap_kept) {
        size_t cap = cap_kept ? cap_kept * 2 : 256;
        void **k = realloc(kept, cap * sizeof *k);
        if (!k) oom();
        kept = k;
        cap_kept = cap;
    }
    kept[nkept++] = ptr;
    pthread_mutex_unlock(&perm_lock);
}

void *perm_alloc(size_t size)
{
    void *p = calloc(1, size ? size : 1);
    if (!p) return oom();
    perm_keep(p);
    return p;
}

void *perm_copy(const void *src, size_t n, size_t size)
{
    if (n == 0) return NULL;
    void *d = perm_alloc(n * size);
    memcpy(d, src, n * size);
    return d;
}

char *perm_strdup(const char *s)
{
    return perm_copy(s, strlen(s) + 1, 1);
}
