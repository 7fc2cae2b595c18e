/* perm.h: memory that lives until the program exits: compiled code, literals, module
 * definitions and the ASTs module bodies are compiled from. Nothing of it is ever freed (a
 * fun may point at its code forever); every block is recorded in one global table, so it
 * stays reachable and leak checkers do not report what is kept on purpose. Thread-safe.
 * Out of memory here aborts: the compiler has no way to go on without its output. */
#ifndef EMBER_PERM_H
#define EMBER_PERM_H
#include <stddef.h>

/* `size` zeroed bytes that live forever. */
void *perm_alloc(size_t size);

/* A permanent copy of `n` elements of `size` bytes at `src` (NULL when n is 0). */
void *perm_copy(const void *src, size_t n, size_t size);

/* A permanent copy of the NUL-terminated `s`. */
char *perm_strdup(const char *s);

/* Records `ptr` (allocated elsewhere, e.g. an AST arena or a flat copy) as permanent. */
void perm_keep(void *ptr);

#endif
