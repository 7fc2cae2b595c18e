/* keyword.c: the Keyword module's first-order functions. A keyword list is a list of
 * {atom, value} pairs in which a key may repeat: get/fetch read the first entry, put and
 * delete act on every entry of the key, the *_first forms on the first only, as in Elixir.
 * Keys must be atoms where Elixir's guards say so (FunctionClauseError otherwise).
 * The functions that call a function are in src/lib/keyword.ex.
 */
#include "lib/enum.h"
#include "lib/libs.h"
#include "value/inspect.h"
#include "vm/error.h"

static Value fclause(Process *p, const char *name, uint32_t arity, const Value *args)
{
    return enum_fclause(p, "Keyword", name, arity, args);
}

static bool is_entry(Value t) { return val_is_tuple(t) && val_tuple_arity(t) == 2 && val_is_atom(val_tuple_elems(t)[0]); }
static Value entry_key(Value t) { return val_tuple_elems(t)[0]; }
static Value entry_value(Value t) { return val_tuple_elems(t)[1]; }

static Value pair(Process *p, Value a, Value b)
{
    Value t[2] = {a, b};
    return val_make_tuple_from(&p->arena, t, 2);
}

/* The first entry of `key` in kw (other elements are skipped), or THE_NON_VALUE. */
static Value find(Value kw, Value key)
{
    for (; val_is_cons(kw); kw = val_tail(kw)) {
        Value t = val_head(kw);
        if (val_is_tuple(t) && val_tuple_arity(t) == 2 && entry_key(t) == key) return t;
    }
    return THE_NON_VALUE;
}

/* kw without the entries of `key` (only the first if `first_only`), in front of `tail`. */
static Value without(Process *p, Value kw, Value key, bool first_only, Value tail)
{
    ListBuilder b;
    lb_init(&b);
    bool removed = false;
    for (; val_is_cons(kw); kw = val_tail(kw)) {
        Value t = val_head(kw);
        bool match = val_is_tuple(t) && val_tuple_arity(t) == 2 && entry_key(t) == key;
        if (match && !(first_only && removed)) {
            removed = true;
            continue;
        }
        if (!lb_push(p, &b, t)) return err_system_limit(p);
    }
    return lb_finish(&b, tail);
}

static Value get(Process *p, Value kw, Value key, Value dflt)
{
    Value args[3] = {kw, key, dflt};
    if (!val_is_list(kw) || !val_is_atom(key)) return fclause(p, "get", 3, args);
    Value t = find(kw, key);
    return t == THE_NON_VALUE ? dflt : entry_value(t);
}

static Value keyword_get2(Process *p, const Value *a) { return get(p, a[0], a[1], ATOM_NIL); }
static Value keyword_get3(Process *p, const Value *a) { return get(p, a[0], a[1], a[2]); }

static Value keyword_fetch(Process *p, const Value *a)
{
    if (!val_is_list(a[0]) || !val_is_atom(a[1])) return fclause(p, "fetch", 2, a);
    Value t = find(a[0], a[1]);
    return t == THE_NON_VALUE ? ATOM_ERROR : pair(p, ATOM_OK, entry_value(t));
}

static Value keyword_fetch_bang(Process *p, const Value *a)
{
    if (!val_is_list(a[0]) || !val_is_atom(a[1])) return fclause(p, "fetch!", 2, a);
    Value t = find(a[0], a[1]);
    return t == THE_NON_VALUE ? err_key(p, a[1], a[0]) : entry_value(t);
}

static Value keyword_has_key(Process *p, const Value *a)
{
    if (!val_is_list(a[0]) || !val_is_atom(a[1])) return fclause(p, "has_key?", 2, a);
    return val_bool(find(a[0], a[1]) != THE_NON_VALUE);
}

static Value keyword_get_values(Process *p, const Value *a)
{
    if (!val_is_list(a[0]) || !val_is_atom(a[1])) return fclause(p, "get_values", 2, a);
    ListBuilder b;
    lb_init(&b);
    for (Value l = a[0]; val_is_cons(l); l = val_tail(l))
        if (is_entry(val_head(l)) && entry_key(val_head(l)) == a[1] && !lb_push(p, &b, entry_value(val_head(l))))
            return err_system_limit(p);
    return lb_finish(&b, VAL_NIL);
}

static Value keyword_put(Process *p, const Value *a)
{
    if (!val_is_list(a[0]) || !val_is_atom(a[1])) return fclause(p, "put", 3, a);
    Value rest = without(p, a[0], a[1], false, VAL_NIL), t = pair(p, a[1], a[2]);
    return rest == THE_NON_VALUE ? rest : val_make_cons(&p->arena, t, rest);
}

static Value keyword_put_new(Process *p, const Value *a)
{
    if (!val_is_list(a[0]) || !val_is_atom(a[1])) return fclause(p, "put_new", 3, a);
    if (find(a[0], a[1]) != THE_NON_VALUE) return a[0];
    return val_make_cons(&p->arena, pair(p, a[1], a[2]), a[0]);
}

static Value keyword_delete(Process *p, const Value *a)
{
    if (!val_is_list(a[0]) || !val_is_atom(a[1])) return fclause(p, "delete", 2, a);
    return find(a[0], a[1]) == THE_NON_VALUE ? a[0] : without(p, a[0], a[1], false, VAL_NIL);
}

static Value keyword_delete_first(Process *p, const Value *a)
{
    if (!val_is_list(a[0]) || !val_is_atom(a[1])) return fclause(p, "delete_first", 2, a);
    return find(a[0], a[1]) == THE_NON_VALUE ? a[0] : without(p, a[0], a[1], true, VAL_NIL);
}

/* ArgumentError for an element of a supposed keyword list that is not an {atom, value}. */
static Value not_keyword(Process *p, Value bad)
{
    StrBuf sb = {0};
    strbuf_puts(&sb, "expected a keyword list, but an entry in the list is not a two-element tuple with an atom as its first element, got: ");
    inspect_append(&sb, bad, NULL);
    Value v = err_argument(p, strbuf_cstr(&sb));
    strbuf_free(&sb);
    return v;
}

/* keys (which 0) or values (which 1). */
static Value column(Process *p, Value kw, int which, const char *name)
{
    if (!val_is_list(kw)) return fclause(p, name, 1, &kw);
    ListBuilder b;
    lb_init(&b);
    for (; val_is_cons(kw); kw = val_tail(kw)) {
        Value t = val_head(kw);
        if (!is_entry(t)) return not_keyword(p, t);
        if (!lb_push(p, &b, val_tuple_elems(t)[which])) return err_system_limit(p);
    }
    return lb_finish(&b, VAL_NIL);
}

static Value keyword_keys(Process *p, const Value *a) { return column(p, a[0], 0, "keys"); }
static Value keyword_values(Process *p, const Value *a) { return column(p, a[0], 1, "values"); }

static bool is_keyword(Value l)
{
    for (; val_is_cons(l); l = val_tail(l))
        if (!is_entry(val_head(l))) return false;
    return l == VAL_NIL;
}

static Value keyword_keyword(Process *p, const Value *a) { (void)p; return val_bool(is_keyword(a[0])); }

static Value bad_merge(Process *p, const char *which, Value kw)
{
    StrBuf sb = {0};
    strbuf_printf(&sb, "expected a keyword list as the %s argument, got: ", which);
    inspect_append(&sb, kw, NULL);
    Value v = err_argument(p, strbuf_cstr(&sb));
    strbuf_free(&sb);
    return v;
}

/* kw1 without the keys of kw2, then kw2. */
static Value keyword_merge(Process *p, const Value *a)
{
    if (!is_keyword(a[0])) return bad_merge(p, "first", a[0]);
    if (!is_keyword(a[1])) return bad_merge(p, "second", a[1]);
    ListBuilder b;
    lb_init(&b);
    for (Value l = a[0]; val_is_cons(l); l = val_tail(l))
        if (find(a[1], entry_key(val_head(l))) == THE_NON_VALUE && !lb_push(p, &b, val_head(l))) return err_system_limit(p);
    return lb_finish(&b, a[1]);
}

static Value keyword_new0(Process *p, const Value *a) { (void)p; (void)a; return VAL_NIL; }

/* Keyword.new/1: the last entry of each key wins, in the order of those last entries. */
static Value keyword_new1(Process *p, const Value *a)
{
    Value l = enum_list(p, a[0]);
    if (l == THE_NON_VALUE) return l;
    Value rev = enum_reverse_onto(p, l, VAL_NIL), out = VAL_NIL;
    for (; val_is_cons(rev) && out != THE_NON_VALUE; rev = val_tail(rev)) {
        Value t = val_head(rev);
        if (!is_entry(t)) return err_term(p, val_atom_cstr("Elixir.MatchError"), t);
        if (find(out, entry_key(t)) == THE_NON_VALUE) out = val_make_cons(&p->arena, t, out);
    }
    return out == THE_NON_VALUE ? err_system_limit(p) : out;
}

/* take (keep true) / drop: the entries whose key is (not) in `keys`, in order. */
static Value filter_keys(Process *p, Value kw, Value keys, bool keep, const char *name)
{
    Value args[2] = {kw, keys};
    if (!val_is_list(kw) || !val_is_list(keys)) return fclause(p, name, 2, args);
    ListBuilder b;
    lb_init(&b);
    for (; val_is_cons(kw); kw = val_tail(kw)) {
        Value t = val_head(kw);
        if (!is_entry(t)) return not_keyword(p, t);
        bool found = false;
        for (Value k = keys; val_is_cons(k) && !found; k = val_tail(k)) found = val_head(k) == entry_key(t);
        if (found == keep && !lb_push(p, &b, t)) return err_system_limit(p);
    }
    return lb_finish(&b, VAL_NIL);
}

static Value keyword_take(Process *p, const Value *a) { return filter_keys(p, a[0], a[1], true, "take"); }
static Value keyword_drop(Process *p, const Value *a) { return filter_keys(p, a[0], a[1], false, "drop"); }

static Value keyword_split(Process *p, const Value *a)
{
    Value t[2] = {filter_keys(p, a[0], a[1], true, "split"), THE_NON_VALUE};
    if (t[0] == THE_NON_VALUE || (t[1] = filter_keys(p, a[0], a[1], false, "split")) == THE_NON_VALUE) return THE_NON_VALUE;
    return val_make_tuple_from(&p->arena, t, 2);
}

static Value keyword_equal(Process *p, const Value *a)
{
    if (!val_is_list(a[0]) || !val_is_list(a[1])) return fclause(p, "equal?", 2, a);
    Value x = enum_sort(p, &a[0]), y;
    if (x == THE_NON_VALUE || (y = enum_sort(p, &a[1])) == THE_NON_VALUE) return THE_NON_VALUE;
    return val_bool(val_equal(x, y));
}

/* pop (all entries) / pop_first: {first value or dflt, the rest}; `bang` raises KeyError. */
static Value pop(Process *p, const Value *a, Value dflt, bool first_only, bool bang, const char *name)
{
    Value args[3] = {a[0], a[1], dflt};
    if (!val_is_list(a[0]) || !val_is_atom(a[1])) return fclause(p, name, bang ? 2 : 3, args);
    Value t = find(a[0], a[1]);
    if (t == THE_NON_VALUE) return bang ? err_key(p, a[1], a[0]) : pair(p, dflt, a[0]);
    Value rest = without(p, a[0], a[1], first_only, VAL_NIL);
    return rest == THE_NON_VALUE ? rest : pair(p, entry_value(t), rest);
}

static Value keyword_pop2(Process *p, const Value *a) { return pop(p, a, ATOM_NIL, false, false, "pop"); }
static Value keyword_pop3(Process *p, const Value *a) { return pop(p, a, a[2], false, false, "pop"); }
static Value keyword_pop_bang(Process *p, const Value *a) { return pop(p, a, ATOM_NIL, false, true, "pop!"); }
static Value keyword_pop_first2(Process *p, const Value *a) { return pop(p, a, ATOM_NIL, true, false, "pop_first"); }
static Value keyword_pop_first3(Process *p, const Value *a) { return pop(p, a, a[2], true, false, "pop_first"); }

static Value keyword_pop_values(Process *p, const Value *a)
{
    Value vals = keyword_get_values(p, a), rest;
    if (vals == THE_NON_VALUE || (rest = without(p, a[0], a[1], false, VAL_NIL)) == THE_NON_VALUE) return THE_NON_VALUE;
    return pair(p, vals, rest);
}

/* replace / replace!: the first entry gets the value, later entries of the key go. */
static Value replace(Process *p, const Value *a, bool bang)
{
    if (!val_is_list(a[0]) || !val_is_atom(a[1])) return fclause(p, bang ? "replace!" : "replace", 3, a);
    if (find(a[0], a[1]) == THE_NON_VALUE) return bang ? err_key(p, a[1], a[0]) : a[0];
    ListBuilder b;
    lb_init(&b);
    bool done = false;
    for (Value l = a[0]; val_is_cons(l); l = val_tail(l)) {
        Value t = val_head(l);
        bool match = val_is_tuple(t) && val_tuple_arity(t) == 2 && entry_key(t) == a[1];
        if (match && done) continue;
        if (match) t = pair(p, a[1], a[2]), done = true;
        if (t == THE_NON_VALUE || !lb_push(p, &b, t)) return err_system_limit(p);
    }
    return lb_finish(&b, VAL_NIL);
}

static Value keyword_replace(Process *p, const Value *a) { return replace(p, a, false); }
static Value keyword_replace_bang(Process *p, const Value *a) { return replace(p, a, true); }

static Value keyword_from_keys(Process *p, const Value *a)
{
    if (!val_is_list(a[0])) return fclause(p, "from_keys", 2, a);
    ListBuilder b;
    lb_init(&b);
    for (Value l = a[0]; val_is_cons(l); l = val_tail(l)) {
        if (!val_is_atom(val_head(l))) return fclause(p, "from_keys", 2, a);
        Value t = pair(p, val_head(l), a[1]);
        if (t == THE_NON_VALUE || !lb_push(p, &b, t)) return err_system_limit(p);
    }
    return lb_finish(&b, VAL_NIL);
}

static Value keyword_to_list(Process *p, const Value *a)
{
    if (!val_is_list(a[0])) return fclause(p, "to_list", 1, a);
    return a[0];
}

static const Builtin keyword_builtins[] = {
    {"get", 2, keyword_get2}, {"get", 3, keyword_get3}, {"fetch", 2, keyword_fetch},
    {"fetch!", 2, keyword_fetch_bang}, {"has_key?", 2, keyword_has_key}, {"get_values", 2, keyword_get_values},
    {"put", 3, keyword_put}, {"put_new", 3, keyword_put_new}, {"delete", 2, keyword_delete},
    {"delete_first", 2, keyword_delete_first}, {"keys", 1, keyword_keys}, {"values", 1, keyword_values},
    {"keyword?", 1, keyword_keyword}, {"merge", 2, keyword_merge}, {"new", 0, keyword_new0},
    {"new", 1, keyword_new1}, {"take", 2, keyword_take}, {"drop", 2, keyword_drop}, {"split", 2, keyword_split},
    {"equal?", 2, keyword_equal}, {"pop", 2, keyword_pop2}, {"pop", 3, keyword_pop3}, {"pop!", 2, keyword_pop_bang},
    {"pop_first", 2, keyword_pop_first2}, {"pop_first", 3, keyword_pop_first3}, {"pop_values", 2, keyword_pop_values},
    {"replace", 3, keyword_replace}, {"replace!", 3, keyword_replace_bang}, {"from_keys", 2, keyword_from_keys},
    {"to_list", 1, keyword_to_list},
};

void lib_keyword_init(void)
{
    LIB_REGISTER("Elixir.Keyword", keyword_builtins);
}
