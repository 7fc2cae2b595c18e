/* compare.c: ==, ===, Erlang term order and hashing (value.h).
 *
 * One walker serves all comparisons: a work stack of (a, b, exact) triples, popped in order,
 * so structures of any depth or length never touch the C stack. Lists push their tail below
 * their head, so a long list keeps the stack at a constant size. `exact` (map key order) makes
 * integers sort before floats and holds at every depth below a map key.
 */
#include <math.h>
#include <stdlib.h>

#include "value/map.h"
#include "value/value.h"
#include "value/vstack.h"

/* Erlang's order of types: number < atom < reference < fun < port < pid < tuple < map < list
 * < bitstring. */
enum { C_NUMBER, C_ATOM, C_REF, C_FUN, C_PORT, C_PID, C_TUPLE, C_MAP, C_LIST, C_BINARY, C_OTHER };

static int type_class(Value v)
{
    if (val_is_small(v))
        return C_NUMBER;
    if (val_is_cons(v) || v == VAL_NIL)
        return C_LIST;
    if (val_is_atom(v))
        return C_ATOM;
    if (val_is_pid(v))
        return C_PID;
    if (!val_is_boxed(v) || v == 0)
        return C_OTHER;
    switch (val_box_type(v)) {
    case HDR_INT:
    case HDR_FLOAT:
        return C_NUMBER;
    case HDR_TUPLE:
        return C_TUPLE;
    case HDR_BINARY:
        return C_BINARY;
    case HDR_MAP:
        return C_MAP;
    case HDR_FUN:
        return C_FUN;
    case HDR_REF:
        return C_REF;
    default:
        return C_OTHER;
    }
}

static int sign_u64(uint64_t a, uint64_t b) { return a < b ? -1 : a > b; }
static int sign_i64(int64_t a, int64_t b) { return a < b ? -1 : a > b; }

/* An integer against a float, by exact mathematical value. */
static int cmp_int_float(int64_t i, double d)
{
    if (d >= 9223372036854775808.0)
        return -1;
    if (d < -9223372036854775808.0)
        return 1;
    double t = trunc(d);
    int r = sign_i64(i, (int64_t)t);
    if (r != 0)
        return r;
    return d > t ? -1 : d < t ? 1 : 0;
}

static int cmp_numbers(Value a, Value b, bool exact)
{
    bool fa = val_is_float(a), fb = val_is_float(b);
    if (!fa && !fb)
        return sign_i64(val_int_get(a), val_int_get(b));
    if (fa && fb) {
        double x = val_float_get(a), y = val_float_get(b);
        return x < y ? -1 : x > y;
    }
    if (exact)
        return fa ? 1 : -1; /* map key order: every integer before every float */
    return fa ? -cmp_int_float(val_int_get(b), val_float_get(a))
              : cmp_int_float(val_int_get(a), val_float_get(b));
}

static int cmp_bytes(const char *a, size_t na, const char *b, size_t nb)
{
    int r = memcmp(a, b, na < nb ? na : nb);
    if (r != 0)
        return r < 0 ? -1 : 1;
    return sign_u64(na, nb);
}

static int cmp_atoms(Value a, Value b)
{
    if (a == b)
        return 0;
    uint32_t x = val_atom_index(a), y = val_atom_index(b);
    return cmp_bytes(atom_name(x), atom_len(x), atom_name(y), atom_len(y));
}

static void push3(VStack *s, Value a, Value b, bool exact)
{
    vstack_push(s, a);
    vstack_push(s, b);
    vstack_push(s, exact);
}

static int cmp_funs(VStack *s, Value a, Value b, bool exact)
{
    const FunHead *fa = val_fun_info(a), *fb = val_fun_info(b);
    int r = cmp_atoms(fa->module, fb->module);
    if (r == 0)
        r = sign_u64(fa->index, fb->index);
    if (r == 0)
        r = sign_u64(fa->uniq, fb->uniq);
    if (r == 0)
        r = sign_u64(val_fun_nfree(a), val_fun_nfree(b));
    for (uint64_t i = val_fun_nfree(a); r == 0 && i-- > 0;)
        push3(s, val_fun_free(a)[i], val_fun_free(b)[i], exact);
    return r;
}

static int cmp_tuples(VStack *s, Value a, Value b, bool exact)
{
    uint32_t n = val_tuple_arity(a);
    int r = sign_u64(n, val_tuple_arity(b));
    for (uint32_t i = n; r == 0 && i-- > 0;)
        push3(s, val_tuple_elems(a)[i], val_tuple_elems(b)[i], exact);
    return r;
}

/* Same size maps: keys first (exactly, in key order), then values in key order. */
static int cmp_maps(VStack *s, Value a, Value b, bool exact)
{
    size_t n = map_size(a);
    int r = sign_u64(n, map_size(b));
    if (r != 0)
        return r;
    Value ka, va, kb, vb;
    for (size_t i = n; i-- > 0;) {
        map_nth(a, i, &ka, &va);
        map_nth(b, i, &kb, &vb);
        push3(s, va, vb, exact);
    }
    for (size_t i = n; i-- > 0;) {
        map_nth(a, i, &ka, &va);
        map_nth(b, i, &kb, &vb);
        push3(s, ka, kb, true);
    }
    return 0;
}

static int cmp_lists(VStack *s, Value a, Value b, bool exact)
{
    if (a == VAL_NIL)
        return -1;
    if (b == VAL_NIL)
        return 1;
    push3(s, val_tail(a), val_tail(b), exact);
    push3(s, val_head(a), val_head(b), exact);
    return 0;
}

/* Compares one pair; pushes the pairs of their parts (to compare next) when it can't tell. */
static int cmp_step(VStack *s, Value a, Value b, bool exact)
{
    if (a == b)
        return 0;
    int ca = type_class(a), cb = type_class(b);
    if (ca != cb)
        return ca < cb ? -1 : 1;
    switch (ca) {
    case C_NUMBER:
        return cmp_numbers(a, b, exact);
    case C_ATOM:
        return cmp_atoms(a, b);
    case C_REF:
        return sign_u64(val_ref_get(a), val_ref_get(b));
    case C_FUN:
        return cmp_funs(s, a, b, exact);
    case C_PID: {
        int r = sign_u64(val_pid_index(a), val_pid_index(b));
        return r ? r : sign_u64(val_pid_serial(a), val_pid_serial(b));
    }
    case C_TUPLE:
        return cmp_tuples(s, a, b, exact);
    case C_MAP:
        return cmp_maps(s, a, b, exact);
    case C_LIST:
        return cmp_lists(s, a, b, exact);
    case C_BINARY:
        return cmp_bytes(val_binary_bytes(a), val_binary_len(a), val_binary_bytes(b), val_binary_len(b));
    default:
        return sign_u64(a, b);
    }
}

/* Values whose comparison never needs the work stack. */
static bool is_leaf(Value v)
{
    if (val_is_cons(v))
        return false;
    if (!val_is_boxed(v) || v == 0)
        return true;
    HeapType t = val_box_type(v);
    return t != HDR_TUPLE && t != HDR_MAP && t != HDR_FUN;
}

static int compare(Value a, Value b, bool exact)
{
    if (a == b)
        return 0;
    if (val_is_small(a) && val_is_small(b))
        return sign_i64(val_small_get(a), val_small_get(b));
    if (is_leaf(a) && is_leaf(b))
        return cmp_step(NULL, a, b, exact); /* leaves push nothing */
    VStack s;
    vstack_init(&s);
    push3(&s, a, b, exact);
    int r = 0;
    while (r == 0 && s.len) {
        bool ex = vstack_pop(&s) != 0;
        Value y = vstack_pop(&s);
        Value x = vstack_pop(&s);
        r = cmp_step(&s, x, y, ex);
    }
    vstack_free(&s);
    return r;
}

int val_compare(Value a, Value b) { return compare(a, b, false); }
int val_compare_exact(Value a, Value b) { return compare(a, b, true); }
bool val_equal(Value a, Value b) { return compare(a, b, false) == 0; }
bool val_exact_equal(Value a, Value b) { return compare(a, b, true) == 0; }
