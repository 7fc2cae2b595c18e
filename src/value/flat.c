/* flat.c: val_flat_size, the words a deep copy of a value takes (value.h). Must agree exactly
 * with what the tree copy in rt/cheney.c writes: every reachable object once per path, the
 * empty tuple as a shared constant (0 words). */
#include "value/value.h"
#include "value/vstack.h"

/* Pushes the Values inside boxed object `v` and returns its size in words. */
static size_t boxed_size(VStack *s, Value v)
{
    uint64_t *obj = val_box_ptr(v);
    size_t payload = hdr_size(obj[0]);
    if (payload == 0)
        return 0;
    for (size_t i = hdr_first_value(obj[0]); i <= payload; i++)
        if (!val_is_small(obj[i]))
            vstack_push(s, obj[i]);
    return payload + 1;
}

size_t val_flat_size(Value v)
{
    if (!val_is_cons(v)) {
        if (!val_is_boxed(v) || v == 0)
            return 0; /* an immediate */
        /* most messages are one object holding only immediates: no walk */
        const uint64_t *obj = val_box_ptr(v);
        size_t payload = hdr_size(obj[0]);
        size_t i = hdr_first_value(obj[0]);
        while (i <= payload && !val_points(obj[i]))
            i++;
        if (i > payload)
            return payload == 0 ? 0 : payload + 1;
    }
    VStack s;
    vstack_init(&s);
    size_t words = 0;
    vstack_push(&s, v);
    while (s.len) {
        v = vstack_pop(&s);
        while (val_is_cons(v)) { /* walk a list's spine here: the stack stays flat */
            words += 2;
            if (!val_is_small(val_head(v)))
                vstack_push(&s, val_head(v));
            v = val_tail(v);
        }
        if (val_is_boxed(v) && v != 0)
            words += boxed_size(&s, v);
    }
    vstack_free(&s);
    return words;
}
