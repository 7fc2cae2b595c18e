/* kernel_data.c: Kernel's builtins on data: lists (length, hd, tl, ++, --), tuples (elem,
 * put_elem, tuple_size), maps and structs (map_size, is_map_key, struct/2), ranges (..), `in`,
 * inspect/to_string, apply, and the helpers compiled code calls (__for_result__,
 * __struct_new__). Also the shared helpers of libs.h. */
#include <stdlib.h>
#include <string.h>

#include "lib/kernel.h"
#include "lib/libs.h"
#include "value/chars.h"
#include "value/inspect.h"
#include "value/map.h"
#include "vm/vminspect.h"
#include "vm/error.h"
#include "vm/module.h"

Value lib_binary(Process *p, const char *s)
{
    return val_make_binary(&p->arena, s, strlen(s));
}

Value lib_binary_sb(Process *p, StrBuf *sb)
{
    Value v = val_make_binary(&p->arena, sb->data ? sb->data : "", sb->len);
    strbuf_free(sb);
    return v;
}

long lib_list_length(Value v)
{
    long n = 0;
    for (; val_is_cons(v); v = val_tail(v)) n++;
    return v == VAL_NIL ? n : -1;
}

Value lib_kw_get(Value opts, const char *key)
{
    Value k = val_atom_cstr(key);
    for (; val_is_cons(opts); opts = val_tail(opts)) {
        Value t = val_head(opts);
        if (val_is_tuple(t) && val_tuple_arity(t) == 2 && val_tuple_elems(t)[0] == k) return val_tuple_elems(t)[1];
    }
    return THE_NON_VALUE;
}

bool lib_chars(Process *p, StrBuf *sb, Value v)
{
    int64_t bad = 0;
    size_t mark = sb->len;
    CharsStatus st = chars_append(sb, v, &bad);
    if (st == CHARS_OK) return true;
    strbuf_truncate(sb, mark);
    if (st == CHARS_NOT_IMPLEMENTED) return err_protocol(p, "String.Chars", v), false;
    StrBuf msg = {0};
    chars_error_message(&msg, st, v, bad);
    err_argument(p, strbuf_cstr(&msg));
    strbuf_free(&msg);
    return false;
}

Value kernel_length(Process *p, const Value *a)
{
    long n = lib_list_length(a[0]);
    return n < 0 ? err_badarg_at(p, 1, "not a list") : val_small(n);
}

Value kernel_hd(Process *p, const Value *a)
{
    return val_is_cons(a[0]) ? val_head(a[0]) : err_badarg_at(p, 1, "not a nonempty list");
}

Value kernel_tl(Process *p, const Value *a)
{
    return val_is_cons(a[0]) ? val_tail(a[0]) : err_badarg_at(p, 1, "not a nonempty list");
}

Value kernel_elem(Process *p, const Value *a)
{
    if (!val_is_small(a[1])) return err_badarg_at(p, 2, "not an integer");
    if (!val_is_tuple(a[0])) return err_badarg_at(p, 1, "not a tuple");
    int64_t i = val_small_get(a[1]);
    if (i < 0 || i >= val_tuple_arity(a[0])) return err_badarg_at(p, 1, "out of range");
    return val_tuple_elems(a[0])[i];
}

Value kernel_put_elem(Process *p, const Value *a)
{
    if (!val_is_small(a[1])) return err_badarg_at(p, 2, "not an integer");
    if (!val_is_tuple(a[0])) return err_badarg_at(p, 1, "not a tuple");
    int64_t i = val_small_get(a[1]);
    uint32_t n = val_tuple_arity(a[0]);
    if (i < 0 || i >= n) return err_badarg_at(p, 1, "out of range");
    Value t = val_make_tuple_from(&p->arena, val_tuple_elems(a[0]), n);
    if (t == THE_NON_VALUE) return err_system_limit(p);
    val_tuple_elems(t)[i] = a[2];
    return t;
}

Value kernel_tuple_size(Process *p, const Value *a)
{
    return val_is_tuple(a[0]) ? val_small(val_tuple_arity(a[0])) : err_badarg_at(p, 1, "not a tuple");
}

Value kernel_map_size(Process *p, const Value *a)
{
    return val_is_map(a[0]) ? val_small((int64_t)map_size(a[0])) : err_badmap(p, a[0]);
}

Value kernel_byte_size(Process *p, const Value *a)
{
    return val_is_binary(a[0]) ? val_small((int64_t)val_binary_len(a[0])) : err_badarg_at(p, 1, "not a bitstring");
}

Value kernel_is_map_key(Process *p, const Value *a)
{
    if (!val_is_map(a[0])) return err_badmap(p, a[0]);
    return val_bool(map_get(a[0], a[1]) != THE_NON_VALUE);
}

Value kernel_append(Process *p, const Value *a)
{
    long n = lib_list_length(a[0]);
    if (n < 0) return err_argument(p, "argument error");
    if (n == 0) return a[1];
    Value items[64], *buf = n <= 64 ? items : malloc((size_t)n * sizeof *buf);
    if (!buf) return err_system_limit(p);
    long i = 0;
    for (Value l = a[0]; val_is_cons(l); l = val_tail(l)) buf[i++] = val_head(l);
    Value r = val_make_list(&p->arena, buf, (size_t)n, a[1]);
    if (buf != items) free(buf);
    return r == THE_NON_VALUE ? err_system_limit(p) : r;
}

/* a -- b: each element of b removes its first exact occurrence in a. */
Value kernel_subtract(Process *p, const Value *a)
{
    long n = lib_list_length(a[0]), m = lib_list_length(a[1]);
    if (n < 0 || m < 0) return err_argument(p, "argument error");
    Value *items = malloc(((size_t)n + 1) * sizeof *items);
    bool *gone = calloc((size_t)n + 1, 1);
    if (!items || !gone) return free(items), free(gone), err_system_limit(p);
    long i = 0;
    for (Value l = a[0]; val_is_cons(l); l = val_tail(l)) items[i++] = val_head(l);
    for (Value l = a[1]; val_is_cons(l); l = val_tail(l))
        for (long k = 0; k < n; k++)
            if (!gone[k] && val_exact_equal(items[k], val_head(l))) { gone[k] = true; break; }
    Value r = VAL_NIL;
    for (long k = n; k-- > 0 && r != THE_NON_VALUE;)
        if (!gone[k]) r = val_make_cons(&p->arena, items[k], r);
    free(items), free(gone);
    return r == THE_NON_VALUE ? err_system_limit(p) : r;
}

static Value range_field(Value r, const char *name)
{
    return map_get(r, val_atom_cstr(name));
}

Value kernel_range(Process *p, const Value *a)
{
    if (!val_is_int(a[0]) || !val_is_int(a[1])) {
        StrBuf sb = {0};
        strbuf_puts(&sb, "ranges (first..last) expect both sides to be integers, got: ");
        vm_inspect(&sb, a[0]);
        strbuf_puts(&sb, "..");
        vm_inspect(&sb, a[1]);
        Value v = err_argument(p, strbuf_cstr(&sb));
        strbuf_free(&sb);
        return v;
    }
    Value keys[4] = {ATOM_STRUCT, val_atom_cstr("first"), val_atom_cstr("last"), val_atom_cstr("step")};
    Value step = val_small(val_int_get(a[0]) <= val_int_get(a[1]) ? 1 : -1);
    Value vals[4] = {val_atom_cstr("Elixir.Range"), a[0], a[1], step};
    return map_from_pairs(&p->arena, keys, vals, 4);
}

static bool is_struct_of(Value v, const char *name)
{
    Value s = val_is_map(v) ? map_struct_name(v) : THE_NON_VALUE;
    return s != THE_NON_VALUE && strcmp(atom_name(val_atom_index(s)), name) == 0;
}

/* x in enumerable (lists and maps by ===, ranges by integer bounds). */
Value kernel_in(Process *p, const Value *a)
{
    Value x = a[0], e = a[1];
    if (val_is_list(e)) {
        for (; val_is_cons(e); e = val_tail(e))
            if (val_exact_equal(val_head(e), x)) return ATOM_TRUE;
        return ATOM_FALSE;
    }
    if (is_struct_of(e, "Elixir.Range")) {
        if (!val_is_int(x)) return ATOM_FALSE;
        int64_t f = val_int_get(range_field(e, "first")), l = val_int_get(range_field(e, "last"));
        int64_t s = val_int_get(range_field(e, "step")), v = val_int_get(x);
        bool inside = s > 0 ? (v >= f && v <= l) : (v <= f && v >= l);
        return val_bool(inside && (v - f) % s == 0);
    }
    if (is_struct_of(e, "Elixir.MapSet")) return val_bool(map_get(map_get(e, val_atom_cstr("map")), x) != THE_NON_VALUE);
    if (val_is_map(e) && map_struct_name(e) == THE_NON_VALUE) {
        if (!val_is_tuple(x) || val_tuple_arity(x) != 2) return ATOM_FALSE;
        Value v = map_get(e, val_tuple_elems(x)[0]);
        return val_bool(v != THE_NON_VALUE && val_exact_equal(v, val_tuple_elems(x)[1]));
    }
    return err_protocol(p, "Enumerable", e);
}

/* Inspect options from a keyword list: limit, pretty, width, printable_limit. */
static InspectOpts inspect_opts(Value opts, bool pretty)
{
    InspectOpts o = vm_inspect_opts(pretty ? &INSPECT_PRETTY : &INSPECT_DEFAULTS);
    Value v;
    if ((v = lib_kw_get(opts, "pretty")) == ATOM_TRUE) o.width = 80;
    if ((v = lib_kw_get(opts, "width")) != THE_NON_VALUE && val_is_small(v)) o.width = (size_t)val_small_get(v);
    if ((v = lib_kw_get(opts, "limit")) != THE_NON_VALUE)
        o.limit = val_is_small(v) ? val_small_get(v) : -1;
    if ((v = lib_kw_get(opts, "printable_limit")) != THE_NON_VALUE)
        o.printable_limit = val_is_small(v) ? (size_t)val_small_get(v) : SIZE_MAX;
    if ((v = lib_kw_get(opts, "charlists")) != THE_NON_VALUE)
        o.charlists = v == val_atom_cstr("as_lists") ? INSPECT_AS_LISTS
                    : v == val_atom_cstr("as_charlists") ? INSPECT_AS_CHARLISTS : INSPECT_INFER;
    if ((v = lib_kw_get(opts, "binaries")) != THE_NON_VALUE)
        o.binaries = v == val_atom_cstr("as_binaries") ? INSPECT_AS_BINARIES
                   : v == val_atom_cstr("as_strings") ? INSPECT_AS_STRINGS : INSPECT_BIN_INFER;
    if ((v = lib_kw_get(opts, "structs")) != THE_NON_VALUE) o.structs_as_maps = v == ATOM_FALSE;
    return o;
}

Value lib_inspect(Process *p, Value v, Value opts, bool pretty)
{
    InspectOpts o = inspect_opts(opts, pretty);
    StrBuf sb = {0};
    inspect_append(&sb, v, &o);
    return lib_binary_sb(p, &sb);
}

Value kernel_inspect(Process *p, const Value *a) { return lib_inspect(p, a[0], VAL_NIL, false); }
Value kernel_inspect2(Process *p, const Value *a) { return lib_inspect(p, a[0], a[1], false); }

Value kernel_to_string(Process *p, const Value *a)
{
    if (val_is_binary(a[0])) return a[0];
    StrBuf sb = {0};
    if (!lib_chars(p, &sb, a[0])) return strbuf_free(&sb), THE_NON_VALUE;
    return lib_binary_sb(p, &sb);
}

Value kernel_apply2(Process *p, const Value *a)
{
    if (lib_list_length(a[1]) < 0) return err_argument(p, "argument error");
    return builtin_tail_call(p, a[0], a[1]);
}

Value kernel_apply3(Process *p, const Value *a)
{
    if (lib_list_length(a[2]) < 0) return err_argument(p, "argument error");
    Value mf = val_make_tuple_from(&p->arena, a, 2);
    return mf == THE_NON_VALUE ? err_system_limit(p) : builtin_tail_call(p, mf, a[2]);
}

Value kernel_make_ref(Process *p, const Value *a)
{
    (void)a;
    return val_make_ref(&p->arena);
}

Value kernel_function_exported(Process *p, const Value *a)
{
    (void)p;
    if (!val_is_atom(a[0]) || !val_is_atom(a[1]) || !val_is_small(a[2])) return ATOM_FALSE;
    module_ensure_loaded(a[0]);
    return val_bool(export_find(a[0], a[1], (uint32_t)val_small_get(a[2])) != NULL);
}
