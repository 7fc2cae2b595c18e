/* heapfrag.c: message copy into heap fragments (heapfrag.h): size the value with
 * val_flat_size, then tree-copy it with the Cheney engine, which needs no work stack. */
#include "rt/heapfrag.h"

#include <stdlib.h>

#include "rt/cheney.h"

int frag_copy(Value v, Value *out, HeapFragment **frag)
{
    *frag = NULL;
    size_t words = val_flat_size(v);
    if (words == 0) {
        *out = val_is_tuple(v) ? val_empty_tuple() : v;
        return 0;
    }
    if (words > (SIZE_MAX - sizeof(HeapFragment)) / sizeof(Value)) {
        *out = THE_NON_VALUE;
        return -1;
    }
    HeapFragment *f = malloc(sizeof *f + words * sizeof(Value));
    if (!f) {
        *out = THE_NON_VALUE;
        return -1;
    }
    f->next = NULL;
    f->words = words;
    Cheney c;
    cheney_init(&c, f->data, f->data + words, NULL, 0);
    *out = cheney_copy(&c, v);
    cheney_scan(&c);
    *frag = f;
    return 0;
}

void frag_free(HeapFragment *frag)
{
    free(frag);
}
