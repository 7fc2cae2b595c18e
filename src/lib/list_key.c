/* list_key.c: the List functions on lists of tuples (keyfind, keyfind!, keymember?,
 * keydelete, keyreplace, keystore, keytake; keys compare with ==, as Erlang's lists:key*
 * functions do) and the charlist conversions (to_string, to_charlist, to_atom,
 * to_existing_atom, to_integer/1,2, to_float). Registered from list.c's table (lists.h).
 */
#include <stdio.h>

#include "lib/enum.h"
#include "lib/libs.h"
#include "lib/lists.h"
#include "lib/number.h"
#include "lib/utf8.h"
#include "value/inspect.h"
#include "vm/error.h"

/* The first cell of `list` whose head is a tuple with `key` == its element `pos`, or
 * VAL_NIL; *before counts the cells before it. */
static Value key_cell(Value list, Value key, int64_t pos, int64_t *before)
{
    *before = 0;
    for (; val_is_cons(list); list = val_tail(list), (*before)++) {
        Value t = val_head(list);
        if (val_is_tuple(t) && pos < val_tuple_arity(t) && val_equal(val_tuple_elems(t)[pos], key)) return list;
    }
    return VAL_NIL;
}

/* Checks the position and list arguments of the key functions as Erlang does; false after
 * raising. The tuple position is Elixir's (0-based), Erlang's is pos + 1. */
static bool key_args(Process *p, Value list, Value pos, const char *name, const Value *a, uint32_t arity)
{
    if (!val_is_int(pos)) return enum_fclause(p, "List", name, arity, a), false;
    if (val_int_get(pos) < 0) return err_badarg_at(p, 2, "out of range"), false;
    if (!val_is_list(list)) return err_badarg_at(p, 3, "not a list"), false;
    return true;
}

static Value keyfind(Process *p, const Value *a, Value dflt, uint32_t arity)
{
    if (!key_args(p, a[0], a[2], "keyfind", a, arity)) return THE_NON_VALUE;
    int64_t before;
    Value cell = key_cell(a[0], a[1], val_int_get(a[2]), &before);
    return cell == VAL_NIL ? dflt : val_head(cell);
}

Value list_keyfind3(Process *p, const Value *a) { return keyfind(p, a, ATOM_NIL, 3); }
Value list_keyfind4(Process *p, const Value *a) { return keyfind(p, a, a[3], 4); }

Value list_keyfind_bang(Process *p, const Value *a)
{
    if (!key_args(p, a[0], a[2], "keyfind!", a, 3)) return THE_NON_VALUE;
    int64_t before;
    Value cell = key_cell(a[0], a[1], val_int_get(a[2]), &before);
    if (cell != VAL_NIL) return val_head(cell);
    StrBuf sb = {0};
    strbuf_puts(&sb, "key ");
    inspect_append(&sb, a[1], NULL);
    strbuf_printf(&sb, " at position %lld not found in: ", (long long)val_int_get(a[2]));
    inspect_append(&sb, a[0], NULL);
    Value keys[3] = {val_atom_cstr("key"), val_atom_cstr("term"), ATOM_MESSAGE};
    Value vals[3] = {a[1], a[0], lib_binary(p, strbuf_cstr(&sb))};
    strbuf_free(&sb);
    return raise_error(p, exc_make(p, val_atom_cstr("Elixir.KeyError"), keys, vals, 3));
}

Value list_keymember(Process *p, const Value *a)
{
    if (!key_args(p, a[0], a[2], "keymember?", a, 3)) return THE_NON_VALUE;
    int64_t before;
    return val_bool(key_cell(a[0], a[1], val_int_get(a[2]), &before) != VAL_NIL);
}

/* A copy of `list`'s first n cells in front of `tail`. */
static Value prefix(Process *p, Value list, int64_t n, Value tail)
{
    ListBuilder b;
    lb_init(&b);
    for (; n > 0; n--, list = val_tail(list))
        if (!lb_push(p, &b, val_head(list))) return err_system_limit(p);
    return lb_finish(&b, tail);
}

Value list_keydelete(Process *p, const Value *a)
{
    if (!val_is_list(a[0]) || !val_is_int(a[2]) || val_int_get(a[2]) < 0)
        return enum_fclause(p, "lists", "keydelete3", 3, (Value[]){a[1], val_make_int(&p->arena, val_is_int(a[2]) ? val_int_get(a[2]) + 1 : 0), a[0]});
    int64_t before;
    Value cell = key_cell(a[0], a[1], val_int_get(a[2]), &before);
    return cell == VAL_NIL ? a[0] : prefix(p, a[0], before, val_tail(cell));
}

/* keyreplace (append false) and keystore (append true). */
static Value key_put(Process *p, const Value *a, bool append)
{
    if (!key_args(p, a[0], a[2], append ? "keystore" : "keyreplace", a, 4)) return THE_NON_VALUE;
    int64_t before;
    Value cell = key_cell(a[0], a[1], val_int_get(a[2]), &before);
    if (cell == VAL_NIL && !append) return a[0];
    Value rest = cell == VAL_NIL ? VAL_NIL : val_tail(cell);
    Value new_cell = val_make_cons(&p->arena, a[3], rest);
    return new_cell == THE_NON_VALUE ? err_system_limit(p) : prefix(p, a[0], before, new_cell);
}

Value list_keyreplace(Process *p, const Value *a) { return key_put(p, a, false); }
Value list_keystore(Process *p, const Value *a) { return key_put(p, a, true); }

Value list_keytake(Process *p, const Value *a)
{
    if (!key_args(p, a[0], a[2], "keytake", a, 3)) return THE_NON_VALUE;
    int64_t before;
    Value cell = key_cell(a[0], a[1], val_int_get(a[2]), &before);
    if (cell == VAL_NIL) return ATOM_NIL;
    Value t[2] = {val_head(cell), prefix(p, a[0], before, val_tail(cell))};
    return t[1] == THE_NON_VALUE ? t[1] : val_make_tuple_from(&p->arena, t, 2);
}

Value list_to_string(Process *p, const Value *a)
{
    if (!val_is_list(a[0])) return enum_fclause(p, "List", "to_string", 1, a);
    StrBuf sb = {0};
    if (!lib_chars(p, &sb, a[0])) return strbuf_free(&sb), THE_NON_VALUE;
    return lib_binary_sb(p, &sb);
}

Value list_to_charlist(Process *p, const Value *a)
{
    Value s = list_to_string(p, a);
    if (s == THE_NON_VALUE) return s;
    const char *b = val_binary_bytes(s);
    size_t n = val_binary_len(s);
    ListBuilder lb;
    lb_init(&lb);
    for (size_t i = 0; i < n;) {
        int32_t c;
        i += utf8_decode(b, n, i, &c);
        if (!lb_push(p, &lb, val_small(c))) return err_system_limit(p);
    }
    return lb_finish(&lb, VAL_NIL);
}

/* The UTF-8 text of a flat list of code points into sb; false if `l` is not one. */
static bool charlist_text(Value l, StrBuf *sb)
{
    for (; val_is_cons(l); l = val_tail(l)) {
        Value c = val_head(l);
        if (!val_is_small(c) || val_small_get(c) < 0 || val_small_get(c) > 0x10FFFF) return false;
        char buf[4];
        strbuf_append(sb, buf, utf8_encode((int32_t)val_small_get(c), buf));
    }
    return l == VAL_NIL;
}

static Value to_atom(Process *p, Value l, bool existing)
{
    StrBuf sb = {0};
    if (!charlist_text(l, &sb)) return strbuf_free(&sb), err_badarg_at(p, 1, "not a list");
    Value at = THE_NON_VALUE;
    if (existing) {
        uint32_t i = atom_lookup(sb.data ? sb.data : "", sb.len);
        if (i != UINT32_MAX) at = val_atom(i);
    } else {
        at = val_make_atom(sb.data ? sb.data : "", sb.len);
    }
    strbuf_free(&sb);
    if (at != THE_NON_VALUE) return at;
    return existing ? err_badarg_at(p, 1, "not an already existing atom") : err_system_limit(p);
}

Value list_to_atom(Process *p, const Value *a) { return to_atom(p, a[0], false); }
Value list_to_existing_atom(Process *p, const Value *a) { return to_atom(p, a[0], true); }

static Value to_integer(Process *p, Value l, Value base)
{
    if (!val_is_small(base) || val_small_get(base) < 2 || val_small_get(base) > 36)
        return err_badarg_at(p, 2, "not an integer in the range 2 through 36");
    StrBuf sb = {0};
    if (!charlist_text(l, &sb)) return strbuf_free(&sb), err_badarg_at(p, 1, "not a list");
    int64_t v;
    size_t used;
    NumParse r = num_parse_int(sb.data ? sb.data : "", sb.len, (int)val_small_get(base), &v, &used);
    bool whole = used == sb.len;
    strbuf_free(&sb);
    if (r == NUM_NONE || !whole) return num_not_textual(p, 1, "an integer");
    if (r == NUM_OVERFLOW) return err_system_limit(p);
    return val_make_int(&p->arena, v);
}

Value list_to_integer1(Process *p, const Value *a) { return to_integer(p, a[0], val_small(10)); }
Value list_to_integer2(Process *p, const Value *a) { return to_integer(p, a[0], a[1]); }

Value list_to_float(Process *p, const Value *a)
{
    StrBuf sb = {0};
    if (!charlist_text(a[0], &sb)) return strbuf_free(&sb), err_badarg_at(p, 1, "not a list");
    double d;
    size_t used;
    const char *s = sb.data ? sb.data : "";
    bool ok = num_is_strict_float(s, sb.len) && num_parse_float(s, sb.len, &d, &used) == NUM_OK;
    strbuf_free(&sb);
    return ok ? val_make_float(&p->arena, d) : num_not_textual(p, 1, "a float");
}
