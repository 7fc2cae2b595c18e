/* hash.c: val_hash (value.h), consistent with ===: equal terms have one representation each
 * (integers are small whenever they fit, maps are flat exactly when <= 32 keys and keep keys
 * in key order, 0.0 and -0.0 are folded), so hashing the parts in walk order is enough.
 * Iterative, with a work stack, like the comparisons. */
#include "value/map.h"
#include "value/value.h"
#include "value/vstack.h"

static uint64_t mix(uint64_t h, uint64_t x)
{
    h ^= x + UINT64_C(0x9e3779b97f4a7c15) + (h << 6) + (h >> 2);
    return h * UINT64_C(0xff51afd7ed558ccd);
}

static uint64_t hash_bytes(uint64_t h, const char *p, size_t n)
{
    uint64_t f = UINT64_C(1469598103934665603);
    for (size_t i = 0; i < n; i++)
        f = (f ^ (unsigned char)p[i]) * UINT64_C(1099511628211);
    return mix(mix(h, f), n);
}

static uint64_t float_bits(double d)
{
    uint64_t bits;
    if (d == 0.0)
        d = 0.0; /* 0.0 === -0.0 on OTP 24 */
    memcpy(&bits, &d, sizeof bits);
    return bits;
}

/* Mixes the non-pointer part of boxed `v` into h and pushes its parts. */
static uint64_t hash_boxed(VStack *s, uint64_t h, Value v)
{
    HeapType t = val_box_type(v);
    h = mix(h, t);
    switch (t) {
    case HDR_INT:
        return mix(h, (uint64_t)val_bigint_get(v));
    case HDR_FLOAT:
        return mix(h, float_bits(val_float_get(v)));
    case HDR_BINARY:
        return hash_bytes(h, val_binary_bytes(v), val_binary_len(v));
    case HDR_REF:
        return mix(h, val_ref_get(v));
    case HDR_TUPLE:
        for (uint32_t i = 0; i < val_tuple_arity(v); i++)
            vstack_push(s, val_tuple_elems(v)[i]);
        return mix(h, val_tuple_arity(v));
    case HDR_MAP: {
        MapIter it;
        Value k, x;
        map_iter_init(&it, v);
        while (map_iter_next(&it, &k, &x)) {
            vstack_push(s, k);
            vstack_push(s, x);
        }
        return mix(h, map_size(v));
    }
    case HDR_FUN:
        for (uint64_t i = 0; i < val_fun_nfree(v); i++)
            vstack_push(s, val_fun_free(v)[i]);
        return mix(mix(mix(h, val_fun_info(v)->module), val_fun_info(v)->index), val_fun_info(v)->uniq);
    default:
        return h;
    }
}

uint64_t val_hash(Value v)
{
    VStack s;
    vstack_init(&s);
    uint64_t h = 0;
    vstack_push(&s, v);
    while (s.len) {
        v = vstack_pop(&s);
        if (val_is_cons(v)) { /* the head is popped first; the stack stays flat */
            h = mix(h, 2);
            vstack_push(&s, val_tail(v));
            vstack_push(&s, val_head(v));
            continue;
        }
        if (val_is_boxed(v) && v != 0)
            h = hash_boxed(&s, h, v);
        else if (val_is_small(v))
            h = mix(h, (uint64_t)val_small_get(v));
        else
            h = mix(h, v);
    }
    vstack_free(&s);
    return h;
}
