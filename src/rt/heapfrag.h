/* heapfrag.h: heap fragments, the blocks messages travel in (DESIGN §3).
 *
 * Owns: deep-copying a value into one freshly malloc'd block that belongs to no process, so a
 * sender can build a message on its own thread and the receiver can adopt the block as part
 * of its heap (arena_adopt) without a second copy. Does not own: delivery (the mailbox).
 * Invariants: a fragment is self-contained: its values point only into itself or at static
 * constants (the empty tuple), never into any process's arena. The copy does not keep
 * sharing (as BEAM's message copy), and it is iterative: a 1,000,000-element list is fine.
 */
#ifndef EMBER_HEAPFRAG_H
#define EMBER_HEAPFRAG_H
#include <stddef.h>

#include "rt/arena.h"
#include "value/value.h"

/* Same layout as ArenaChunk. `next` belongs to whoever holds the fragment: the arena after
 * arena_adopt, before that the sender or mailbox may use it to queue fragments. */
struct HeapFragment {
    HeapFragment *next;
    size_t words;  /* words of data[], exactly val_flat_size of the copied value */
    Value data[];
};

/* Deep-copies `v` into a new fragment: *out gets the copy, *frag the fragment (NULL when `v`
 * needed no memory, e.g. an immediate; then *out == v). Returns 0, or -1 if malloc failed
 * (then *frag is NULL and *out is THE_NON_VALUE). Reads `v` only: safe while the owner of
 * v's arena is not collecting it (the caller is that owner). */
MUST_CHECK int frag_copy(Value v, Value *out, HeapFragment **frag);

/* Frees a fragment that was never adopted (e.g. a message to a dead process). NULL is fine. */
void frag_free(HeapFragment *frag);

#endif
