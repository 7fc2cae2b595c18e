/* list.c: the List module's first-order functions (first, last, flatten, wrap, delete,
 * delete_at, duplicate, insert_at, replace_at, pop_at, to_tuple, zip, the key* functions on
 * lists of tuples, starts_with?, improper?, ascii_printable?, and the charlist conversions).
 * foldl, foldr, update_at and keysort call functions and are in src/lib/list.ex.
 * Indexes may be negative (from the end). Errors follow Elixir's: a non-list raises
 * FunctionClauseError for List.name/arity, or the ArgumentError of the Erlang function Elixir
 * calls (List.to_tuple/1 -> erlang:list_to_tuple/1).
 */
#include <stdio.h>

#include "lib/enum.h"
#include "lib/libs.h"
#include "lib/lists.h"
#include "vm/error.h"

static Value fclause(Process *p, const char *name, uint32_t arity, const Value *args)
{
    return enum_fclause(p, "List", name, arity, args);
}

static Value list_first(Process *p, const Value *a, Value dflt)
{
    Value args[2] = {a[0], dflt};
    if (!val_is_list(a[0])) return fclause(p, "first", 2, args);
    return val_is_cons(a[0]) ? val_head(a[0]) : dflt;
}

static Value list_first1(Process *p, const Value *a) { return list_first(p, a, ATOM_NIL); }
static Value list_first2(Process *p, const Value *a) { return list_first(p, a, a[1]); }

static Value list_last(Process *p, const Value *a, Value dflt)
{
    Value args[2] = {a[0], dflt};
    /* Elixir's List.last matches {list, default} in a case: a non-list fails that case */
    if (!val_is_list(a[0])) return err_term(p, val_atom_cstr("Elixir.CaseClauseError"), val_make_tuple_from(&p->arena, args, 2));
    if (a[0] == VAL_NIL) return dflt;
    Value l = a[0];
    while (val_is_cons(val_tail(l))) l = val_tail(l);
    return val_head(l);
}

static Value list_last1(Process *p, const Value *a) { return list_last(p, a, ATOM_NIL); }
static Value list_last2(Process *p, const Value *a) { return list_last(p, a, a[1]); }

/* Appends the elements of nested list l to b, depth first (an explicit stack, no recursion). */
static bool flatten_into(Process *p, ListBuilder *b, Value l)
{
    Value stack[256];
    int top = 0;
    for (;;) {
        while (val_is_cons(l)) {
            Value h = val_head(l);
            l = val_tail(l);
            if (val_is_list(h)) {
                if (top == 256) return err_system_limit(p), false;
                stack[top++] = l;
                l = h;
            } else if (!lb_push(p, b, h)) {
                return err_system_limit(p), false;
            }
        }
        if (l != VAL_NIL) return enum_fclause(p, "lists", "do_flatten", 2, (Value[]){l, VAL_NIL}), false;
        if (top == 0) return true;
        l = stack[--top];
    }
}

static Value list_flatten1(Process *p, const Value *a)
{
    if (!val_is_list(a[0])) return enum_fclause(p, "lists", "flatten", 1, a);
    ListBuilder b;
    lb_init(&b);
    return flatten_into(p, &b, a[0]) ? lb_finish(&b, VAL_NIL) : THE_NON_VALUE;
}

static Value list_flatten2(Process *p, const Value *a)
{
    if (!val_is_list(a[0]) || !val_is_list(a[1])) return enum_fclause(p, "lists", "flatten", 2, a);
    ListBuilder b;
    lb_init(&b);
    return flatten_into(p, &b, a[0]) ? lb_finish(&b, a[1]) : THE_NON_VALUE;
}

static Value list_wrap(Process *p, const Value *a)
{
    if (val_is_list(a[0])) return a[0];
    if (a[0] == ATOM_NIL) return VAL_NIL;
    Value l = val_make_cons(&p->arena, a[0], VAL_NIL);
    return l == THE_NON_VALUE ? err_system_limit(p) : l;
}

/* A copy of l's first k cells in front of `tail`. */
static Value copy_prefix(Process *p, Value l, int64_t k, Value tail)
{
    ListBuilder b;
    lb_init(&b);
    for (; k > 0 && val_is_cons(l); k--, l = val_tail(l))
        if (!lb_push(p, &b, val_head(l))) return err_system_limit(p);
    return lb_finish(&b, tail);
}

static Value list_delete(Process *p, const Value *a)
{
    if (!val_is_list(a[0])) return enum_fclause(p, "lists", "delete", 2, (Value[]){a[1], a[0]});
    int64_t k = 0;
    for (Value l = a[0]; val_is_cons(l); l = val_tail(l), k++)
        if (val_exact_equal(val_head(l), a[1])) return copy_prefix(p, a[0], k, val_tail(l));
    return a[0];
}

/* The index i (negative: from the end) of list l as 0-based, or -1 if outside. */
static int64_t index_of(Value l, int64_t i)
{
    int64_t n = lib_list_length(l);
    if (i < 0) i += n;
    return i < 0 || i >= n ? -1 : i;
}

/* {element at i or dflt, list without it}. */
static Value pop_at(Process *p, const Value *a, Value dflt)
{
    Value args[3] = {a[0], a[1], dflt};
    if (!val_is_list(a[0]) || !val_is_int(a[1])) return fclause(p, "pop_at", 3, args);
    int64_t i = index_of(a[0], val_int_get(a[1]));
    Value t[2] = {dflt, a[0]};
    if (i >= 0) {
        Value rest = a[0];
        for (int64_t k = 0; k < i; k++) rest = val_tail(rest);
        t[0] = val_head(rest);
        if ((t[1] = copy_prefix(p, a[0], i, val_tail(rest))) == THE_NON_VALUE) return THE_NON_VALUE;
    }
    return val_make_tuple_from(&p->arena, t, 2);
}

static Value list_pop_at2(Process *p, const Value *a) { return pop_at(p, a, ATOM_NIL); }
static Value list_pop_at3(Process *p, const Value *a) { return pop_at(p, a, a[2]); }

static Value list_delete_at(Process *p, const Value *a)
{
    if (!val_is_list(a[0]) || !val_is_int(a[1])) {
        Value args[4] = {a[0], a[1], ATOM_NIL, VAL_NIL};
        return enum_fclause(p, "List", "do_pop_at", 4, args);
    }
    Value t = pop_at(p, a, ATOM_NIL);
    return t == THE_NON_VALUE ? t : val_tuple_elems(t)[1];
}

static Value list_duplicate(Process *p, const Value *a)
{
    if (!val_is_int(a[1]) || val_int_get(a[1]) < 0) return enum_fclause(p, "lists", "duplicate", 2, (Value[]){a[1], a[0]});
    Value l = VAL_NIL;
    for (int64_t i = 0; i < val_int_get(a[1]) && l != THE_NON_VALUE; i++) l = val_make_cons(&p->arena, a[0], l);
    return l == THE_NON_VALUE ? err_system_limit(p) : l;
}

static Value list_insert_at(Process *p, const Value *a)
{
    if (!val_is_list(a[0]) || !val_is_int(a[1])) return fclause(p, "insert_at", 3, a);
    int64_t n = lib_list_length(a[0]), i = val_int_get(a[1]);
    if (i < 0) i = i + n + 1 < 0 ? 0 : i + n + 1;
    if (i > n) i = n;
    Value rest = a[0];
    for (int64_t k = 0; k < i; k++) rest = val_tail(rest);
    Value cell = val_make_cons(&p->arena, a[2], rest);
    return cell == THE_NON_VALUE ? err_system_limit(p) : copy_prefix(p, a[0], i, cell);
}

static Value list_replace_at(Process *p, const Value *a)
{
    if (!val_is_list(a[0]) || !val_is_int(a[1])) return fclause(p, "replace_at", 3, a);
    int64_t i = index_of(a[0], val_int_get(a[1]));
    if (i < 0) return a[0];
    Value rest = a[0];
    for (int64_t k = 0; k < i; k++) rest = val_tail(rest);
    Value cell = val_make_cons(&p->arena, a[2], val_tail(rest));
    return cell == THE_NON_VALUE ? err_system_limit(p) : copy_prefix(p, a[0], i, cell);
}

static Value list_to_tuple(Process *p, const Value *a)
{
    long n = lib_list_length(a[0]);
    if (n < 0) return err_badarg_at(p, 1, "not a list");
    Value t = val_make_tuple(&p->arena, (uint32_t)n);
    if (t == THE_NON_VALUE) return err_system_limit(p);
    long i = 0;
    for (Value l = a[0]; val_is_cons(l); l = val_tail(l)) val_tuple_elems(t)[i++] = val_head(l);
    return t;
}

static Value list_zip(Process *p, const Value *a)
{
    if (!val_is_list(a[0])) return fclause(p, "zip", 1, a);
    for (Value l = a[0]; val_is_cons(l); l = val_tail(l))
        if (!val_is_list(val_head(l))) return fclause(p, "to_list", 1, (Value[]){val_head(l)});
    return enum_zip1(p, a);
}

static Value list_starts_with(Process *p, const Value *a)
{
    if (!val_is_list(a[0]) || !val_is_list(a[1])) return fclause(p, "starts_with?", 2, a);
    Value l = a[0], pre = a[1];
    for (; val_is_cons(pre); pre = val_tail(pre), l = val_tail(l))
        if (!val_is_cons(l) || !val_exact_equal(val_head(l), val_head(pre))) return ATOM_FALSE;
    return ATOM_TRUE;
}

static Value list_improper(Process *p, const Value *a)
{
    if (!val_is_list(a[0])) return fclause(p, "improper?", 1, a);
    return val_bool(lib_list_length(a[0]) < 0);
}

static bool ascii_printable(int64_t c) { return (c >= 32 && c <= 126) || (c >= 7 && c <= 13) || c == 27; }

static Value printable(Process *p, Value list, Value limit)
{
    Value args[2] = {list, limit};
    if (!val_is_list(list) || (limit != ATOM_INFINITY && (!val_is_int(limit) || val_int_get(limit) < 0)))
        return fclause(p, "ascii_printable?", 2, args);
    int64_t left = limit == ATOM_INFINITY ? INT64_MAX : val_int_get(limit);
    Value l = list;
    for (; val_is_cons(l) && left > 0; l = val_tail(l), left--)
        if (!val_is_small(val_head(l)) || !ascii_printable(val_small_get(val_head(l)))) return ATOM_FALSE;
    return val_bool(left == 0 || l == VAL_NIL);
}

static Value list_ascii_printable1(Process *p, const Value *a) { return printable(p, a[0], ATOM_INFINITY); }
static Value list_ascii_printable2(Process *p, const Value *a) { return printable(p, a[0], a[1]); }

static const Builtin list_builtins[] = {
    {"first", 1, list_first1}, {"first", 2, list_first2}, {"last", 1, list_last1}, {"last", 2, list_last2},
    {"flatten", 1, list_flatten1}, {"flatten", 2, list_flatten2}, {"wrap", 1, list_wrap},
    {"delete", 2, list_delete}, {"delete_at", 2, list_delete_at}, {"duplicate", 2, list_duplicate},
    {"insert_at", 3, list_insert_at}, {"replace_at", 3, list_replace_at}, {"pop_at", 2, list_pop_at2},
    {"pop_at", 3, list_pop_at3}, {"to_tuple", 1, list_to_tuple}, {"zip", 1, list_zip},
    {"starts_with?", 2, list_starts_with}, {"improper?", 1, list_improper},
    {"ascii_printable?", 1, list_ascii_printable1}, {"ascii_printable?", 2, list_ascii_printable2},
    {"keyfind", 3, list_keyfind3}, {"keyfind", 4, list_keyfind4}, {"keyfind!", 3, list_keyfind_bang},
    {"keymember?", 3, list_keymember}, {"keydelete", 3, list_keydelete}, {"keyreplace", 4, list_keyreplace},
    {"keystore", 4, list_keystore}, {"keytake", 3, list_keytake}, {"to_string", 1, list_to_string},
    {"to_charlist", 1, list_to_charlist}, {"to_atom", 1, list_to_atom},
    {"to_existing_atom", 1, list_to_existing_atom}, {"to_integer", 1, list_to_integer1},
    {"to_integer", 2, list_to_integer2}, {"to_float", 1, list_to_float},
};

void lib_list_init(void)
{
    LIB_REGISTER("Elixir.List", list_builtins);
}
