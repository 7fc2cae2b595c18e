/* cheney.h: the copying engine shared by the collector (gc.c) and message copy (heapfrag.c).
 * Internal to src/rt.
 *
 * Copies values into one destination region [lo, hi): boxed objects from the bottom up, cons
 * cells (which have no header, so a region mixing both could not be scanned) from the top
 * down, then scans both parts Cheney-style until nothing is left to copy: no C recursion, no
 * work stack. Two modes:
 *   - collect (from != NULL): only objects inside the `from` address ranges are copied; each
 *     gets a forwarding mark (boxed: header HDR_FORWARD, word 1 the new value; cons: head
 *     THE_NON_VALUE, tail the new cons), so sharing is kept. Anything else (static constants,
 *     literals) is left as it is and never written to.
 *   - tree copy (from == NULL): everything reachable is copied and the source is only read,
 *     so sharing is lost (as BEAM's message copy); the region must hold val_flat_size words.
 * Objects without payload (an empty tuple) become the shared val_empty_tuple().
 */
#ifndef EMBER_CHENEY_H
#define EMBER_CHENEY_H
#include <stddef.h>
#include <stdint.h>

#include "value/value.h"

typedef struct AddrRange {
    uintptr_t lo, hi; /* [lo, hi) in bytes */
} AddrRange;

typedef struct Cheney {
    const AddrRange *from; /* sorted by lo, disjoint; NULL = tree copy */
    size_t nfrom;
    Value *low;   /* next free word for boxed objects (grows up) */
    Value *high;  /* lowest copied cons cell (grows down) */
    Value *bscan; /* next boxed object to scan */
    Value *cscan; /* cons cells in [high, cscan) are still to scan */
} Cheney;

/* Starts copying into [lo, hi). `from`/`nfrom` as above. */
void cheney_init(Cheney *c, Value *lo, Value *hi, const AddrRange *from, size_t nfrom);

/* Copies `v` shallowly (if it must be copied) and returns the value to use instead. Call
 * cheney_scan afterwards to copy what it refers to. */
Value cheney_copy(Cheney *c, Value v);

/* Copies everything the copied objects refer to, until done. */
void cheney_scan(Cheney *c);

/* Tree copy of `v` into the `words` = val_flat_size(v) words at `dst` (NULL when 0): returns
 * the copy. A boxed object whose Values are all immediates (most messages: {:token, 5, pid})
 * is copied word for word, without the scan. */
Value cheney_copy_tree(Value v, Value *dst, size_t words);

#endif
