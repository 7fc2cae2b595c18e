/* cheney.c: the copying engine (cheney.h). Layout knowledge: which payload words of each heap
 * type are Values (tuples and maps: all; funs: all after the FunHead pointer and the count;
 * integers, floats, binaries, references: none). */
#include "rt/cheney.h"

#include <string.h>

void cheney_init(Cheney *c, Value *lo, Value *hi, const AddrRange *from, size_t nfrom)
{
    c->from = from;
    c->nfrom = nfrom;
    c->low = c->bscan = lo;
    c->high = c->cscan = hi;
}

static bool in_from(const Cheney *c, const void *p)
{
    uintptr_t a = (uintptr_t)p;
    size_t lo = 0, hi = c->nfrom;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (a < c->from[mid].lo)
            hi = mid;
        else if (a >= c->from[mid].hi)
            lo = mid + 1;
        else
            return true;
    }
    return false;
}

static Value copy_cons(Cheney *c, Value v)
{
    Value *cell = val_cons_ptr(v);
    if (c->from) {
        if (!in_from(c, cell))
            return v;
        if (cell[0] == THE_NON_VALUE)
            return cell[1];
    }
    c->high -= 2;
    c->high[0] = cell[0];
    c->high[1] = cell[1];
    Value copy = val_cons_from(c->high);
    if (c->from) {
        cell[0] = THE_NON_VALUE;
        cell[1] = copy;
    }
    return copy;
}

static Value copy_boxed(Cheney *c, Value v)
{
    uint64_t *obj = val_box_ptr(v);
    if (c->from) {
        if (!in_from(c, obj))
            return v;
        if (hdr_type(obj[0]) == HDR_FORWARD)
            return obj[1];
    }
    size_t words = hdr_size(obj[0]) + 1;
    if (words == 1)
        return val_empty_tuple(); /* too small to hold a forwarding address; immutable */
    memcpy(c->low, obj, words * sizeof(Value));
    Value copy = val_box_from(c->low);
    c->low += words;
    if (c->from) {
        obj[0] = hdr_make(HDR_FORWARD, hdr_size(obj[0]));
        obj[1] = copy;
    }
    return copy;
}

Value cheney_copy(Cheney *c, Value v)
{
    if (val_is_cons(v))
        return copy_cons(c, v);
    if (val_is_boxed(v) && v != 0)
        return copy_boxed(c, v);
    return v;
}

void cheney_scan(Cheney *c)
{
    while (c->bscan < c->low || c->cscan > c->high) {
        while (c->bscan < c->low) {
            Value *obj = c->bscan;
            size_t end = hdr_size(obj[0]) + 1;
            for (size_t i = hdr_first_value(obj[0]); i < end; i++)
                obj[i] = cheney_copy(c, obj[i]);
            c->bscan += end;
        }
        while (c->cscan > c->high) {
            c->cscan -= 2;
            c->cscan[0] = cheney_copy(c, c->cscan[0]);
            c->cscan[1] = cheney_copy(c, c->cscan[1]);
        }
    }
}

Value cheney_copy_tree(Value v, Value *dst, size_t words)
{
    if (words == 0)
        return val_is_tuple(v) ? val_empty_tuple() : v;
    if (val_is_boxed(v)) {
        const uint64_t *obj = val_box_ptr(v);
        if (hdr_size(obj[0]) + 1 == words) {
            /* Nothing hangs off it but immediates and empty tuples (0 words each). Tested on
             * the source: `dst` is often cold memory (the receiver's heap), and reading it back
             * would wait for each line instead of leaving the stores to the store buffer. */
            size_t first = hdr_first_value(obj[0]);
            for (size_t i = 0; i < words; i++) {
                Value x = obj[i];
                if (i >= first && val_points(x))
                    x = val_empty_tuple();
                dst[i] = x;
            }
            return val_box_from(dst);
        }
    }
    Cheney c;
    cheney_init(&c, dst, dst + words, NULL, 0);
    Value out = cheney_copy(&c, v);
    cheney_scan(&c);
    return out;
}
