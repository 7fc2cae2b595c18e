/* heapfrag.h: flat copies, how values leave one process's heap for another (DESIGN §3).
 *
 * Owns: deep-copying a value into a given block of exactly val_flat_size(v) words, and into an
 * arena. The runtime uses it for every signal payload (runtime.c: the copy sits inline after
 * the Signal header, one malloc per message), for the receiver's copy into its heap when a
 * receive first looks at a message, and for spawn's copy of the closure into the child's heap;
 * the compiler uses it for literals that outlive every process (def.c). Does not own: where the
 * block comes from, nor delivery (the mailbox).
 * Invariants: a flat copy is self-contained: its values point only into its own block or at
 * static constants (the empty tuple), never into any process's arena, so it survives the
 * sender's death and can sit in a mailbox outside every heap. The copy does not keep sharing
 * (as BEAM's message copy), and it is iterative: a 1,000,000-element list is fine. It only
 * reads the source, so a sender runs it on its own thread while it owns its heap.
 */
#ifndef EMBER_HEAPFRAG_H
#define EMBER_HEAPFRAG_H
#include <stddef.h>

#include "rt/arena.h"
#include "value/value.h"

/* Deep-copies `v` into the `words` words at `dst`; `words` must be val_flat_size(v) (0 for an
 * immediate or the empty tuple: then `dst` is not touched and may be NULL). Returns the copy:
 * `v` itself for an immediate, the shared empty tuple for an empty tuple. */
Value flat_copy(Value v, Value *dst, size_t words);

/* Deep-copies `v`, `words` = val_flat_size(v) words, into arena `a` (one arena_alloc).
 * Returns the copy, or THE_NON_VALUE if malloc failed (nothing changed). `v` must not be in
 * `a` (a flat copy elsewhere, or another process's value). Never collects. */
Value flat_copy_to_arena(Arena *a, Value v, size_t words);

#endif
