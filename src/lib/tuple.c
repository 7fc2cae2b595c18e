/* tuple.c: the Tuple module: to_list/1, append/2, insert_at/3, delete_at/2, duplicate/2,
 * sum/1, product/1. Errors are the ArgumentErrors of the Erlang functions Elixir calls
 * (erlang:insert_element(Index + 1, Tuple, Value), ...), so the argument positions in the
 * messages are Erlang's: the index is the 1st argument, the tuple the 2nd.
 */
#include "lib/enum.h"
#include "lib/libs.h"
#include "vm/error.h"
#include "vm/vm.h"

static Value tuple_to_list(Process *p, const Value *a)
{
    if (!val_is_tuple(a[0])) return err_badarg_at(p, 1, "not a tuple");
    Value l = val_make_list(&p->arena, val_tuple_elems(a[0]), val_tuple_arity(a[0]), VAL_NIL);
    return l == THE_NON_VALUE ? err_system_limit(p) : l;
}

/* A copy of tuple t with `v` inserted at `at` (0..size), or element `at` removed (v NONE). */
static Value splice(Process *p, Value t, int64_t at, Value v)
{
    uint32_t n = val_tuple_arity(t), m = v == THE_NON_VALUE ? n - 1 : n + 1;
    Value r = val_make_tuple(&p->arena, m);
    if (r == THE_NON_VALUE) return err_system_limit(p);
    const Value *src = val_tuple_elems(t);
    Value *dst = val_tuple_elems(r);
    for (uint32_t i = 0, j = 0; i < n; i++) {
        if (i == at && v == THE_NON_VALUE) continue;
        if (i == at) dst[j++] = v;
        dst[j++] = src[i];
    }
    if (v != THE_NON_VALUE && at == n) dst[n] = v;
    return r;
}

static Value tuple_append(Process *p, const Value *a)
{
    if (!val_is_tuple(a[0])) return err_badarg_at(p, 1, "not a tuple");
    return splice(p, a[0], val_tuple_arity(a[0]), a[1]);
}

/* The Erlang index (Elixir's index + 1) errors: a non-number index fails the + 1 itself. */
static bool check_index(Process *p, Value t, Value index, int64_t limit)
{
    if (!val_is_number(index)) return err_badarith(p, "+", index, val_small(1)), false;
    if (!val_is_int(index)) return err_badarg_at(p, 1, "not an integer"), false;
    if (!val_is_tuple(t)) return err_badarg_at(p, 2, "not a tuple"), false;
    int64_t i = val_int_get(index);
    if (i < 0 || i > limit) return err_badarg_at(p, 1, "out of range"), false;
    return true;
}

static Value tuple_insert_at(Process *p, const Value *a)
{
    int64_t limit = val_is_tuple(a[0]) ? val_tuple_arity(a[0]) : 0;
    if (!check_index(p, a[0], a[1], limit)) return THE_NON_VALUE;
    return splice(p, a[0], val_int_get(a[1]), a[2]);
}

static Value tuple_delete_at(Process *p, const Value *a)
{
    int64_t limit = val_is_tuple(a[0]) ? (int64_t)val_tuple_arity(a[0]) - 1 : 0;
    if (!check_index(p, a[0], a[1], limit)) return THE_NON_VALUE;
    return splice(p, a[0], val_int_get(a[1]), THE_NON_VALUE);
}

static Value tuple_duplicate(Process *p, const Value *a)
{
    if (!val_is_int(a[1])) return err_badarg_at(p, 1, "not an integer");
    int64_t n = val_int_get(a[1]);
    if (n < 0 || n > (1 << 24)) return err_badarg_at(p, 1, "out of range");
    Value t = val_make_tuple(&p->arena, (uint32_t)n);
    if (t == THE_NON_VALUE) return err_system_limit(p);
    for (int64_t i = 0; i < n; i++) val_tuple_elems(t)[i] = a[0];
    return t;
}

static Value fold(Process *p, Value t, char op, Value acc)
{
    if (!val_is_tuple(t)) return enum_fclause(p, "Tuple", op == '+' ? "sum" : "product", 1, &t);
    for (uint32_t i = 0; i < val_tuple_arity(t) && acc != THE_NON_VALUE; i++)
        acc = vm_arith(p, op, acc, val_tuple_elems(t)[i]);
    return acc;
}

static Value tuple_sum(Process *p, const Value *a) { return fold(p, a[0], '+', val_small(0)); }
static Value tuple_product(Process *p, const Value *a) { return fold(p, a[0], '*', val_small(1)); }

static const Builtin tuple_builtins[] = {
    {"to_list", 1, tuple_to_list}, {"append", 2, tuple_append}, {"insert_at", 3, tuple_insert_at},
    {"delete_at", 2, tuple_delete_at}, {"duplicate", 2, tuple_duplicate}, {"sum", 1, tuple_sum},
    {"product", 1, tuple_product},
};

void lib_tuple_init(void)
{
    LIB_REGISTER("Elixir.Tuple", tuple_builtins);
}
