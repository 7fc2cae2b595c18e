/* inspect.c: values to algebra documents, as Elixir 1.14's Inspect protocol builds them
 * (inspect.h). Containers follow Inspect.Algebra.container_doc: each item takes one from the
 * limit and is inspected with what is left; when the limit reaches 0 with items left, "..."
 * ends the collection. Simple items (texts only) lay out "flex" (filling lines, nested by 1);
 * others, and maps and keyword lists always, one per line nested by 2 when they do not fit.
 * Recursion is bounded by the limit (each level takes one); with an infinite limit, nesting
 * past MAX_DEPTH prints "..." so the C stack stays small. Range and MapSet structs print as
 * their Inspect implementations do (1..10//2, MapSet.new([1, 2])). */
#include "value/inspect.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>

#include "value/doc.h"
#include "value/itext.h"
#include "value/map.h"

#define MAX_DEPTH 1000

const InspectOpts INSPECT_DEFAULTS = {.width = 0, .limit = 50, .printable_limit = 4096};
const InspectOpts INSPECT_PRETTY = {.width = 80, .limit = 50, .printable_limit = 4096};

typedef enum { BRK_MAYBE, BRK_FLEX, BRK_STRICT } BreakKind;

typedef struct Ins {
    Docs *d;
    const InspectOpts *o;
    int depth;
    DocId comma, flex_space, space; /* made once: documents are immutable and may be shared */
} Ins;

/* The item documents of one container being built. */
typedef struct Items {
    DocId *v;
    size_t n, cap;
    bool simple; /* every item is a plain text */
} Items;

static DocId to_doc(Ins *c, Value v, int64_t limit);

static void items_add(Ins *c, Items *it, DocId doc)
{
    if (it->n == it->cap) {
        size_t cap = it->cap ? it->cap * 2 : 16;
        DocId *v = realloc(it->v, cap * sizeof *v);
        if (!v)
            abort();
        it->v = v;
        it->cap = cap;
    }
    it->v[it->n++] = doc;
    it->simple = it->simple && doc_is_simple(c->d, doc);
}

/* Takes one item from the limit; false when the limit is used up. */
static bool take(int64_t *limit)
{
    if (*limit == 0)
        return false;
    if (*limit > 0)
        (*limit)--;
    return true;
}

/* left SEP break right: Elixir's container join. */
static DocId join(Ins *c, DocId left, DocId right, bool flex, DocId sep)
{
    Docs *d = c->d;
    return doc_concat(d, doc_concat(d, left, sep), doc_concat(d, flex ? c->flex_space : c->space, right));
}

static DocId container(Ins *c, DocId open, Items *it, const char *close, BreakKind bk)
{
    Docs *d = c->d;
    DocId right = doc_cstr(d, close);
    if (it->n == 0) {
        free(it->v);
        return doc_concat(d, open, right);
    }
    bool flex = (bk == BRK_MAYBE && it->simple) || bk == BRK_FLEX;
    DocId acc = it->v[it->n - 1];
    for (size_t i = it->n - 1; i-- > 0;)
        acc = join(c, it->v[i], acc, flex, c->comma);
    free(it->v);
    if (flex)
        return doc_group(d, doc_concat(d, doc_concat(d, open, doc_nest(d, acc, 1)), right));
    DocId inner = doc_concat(d, open, doc_concat(d, doc_break(d, "", false), acc));
    return doc_group(d, doc_concat(d, doc_nest(d, inner, 2), doc_concat(d, doc_break(d, "", false), right)));
}

static DocId atom_doc(Ins *c, Value a, AtomForm form)
{
    size_t off = c->d->text.len;
    itext_atom(&c->d->text, val_atom_index(a), form);
    return doc_text_since(c->d, off);
}

/* key: value, for keyword lists and structs. */
static DocId keyword_item(Ins *c, Value key, Value val, int64_t limit)
{
    DocId k = atom_doc(c, key, ATOM_FORM_KEY);
    return doc_concat(c->d, k, doc_concat(c->d, doc_cstr(c->d, " "), to_doc(c, val, limit)));
}

static bool atom_is_alias(Value a)
{
    return atom_len(val_atom_index(a)) >= 7 && memcmp(atom_name(val_atom_index(a)), "Elixir.", 7) == 0;
}

/* Inspect.List.keyword?/1: a proper list of {atom, _} whose atoms are not Elixir aliases. */
static bool is_keyword(Value list)
{
    for (; val_is_cons(list); list = val_tail(list)) {
        Value t = val_head(list);
        if (!val_is_tuple(t) || val_tuple_arity(t) != 2 || !val_is_atom(val_tuple_elems(t)[0])
            || atom_is_alias(val_tuple_elems(t)[0]))
            return false;
    }
    return list == VAL_NIL;
}

static bool ascii_printable_char(Value v)
{
    if (!val_is_small(v))
        return false;
    int64_t c = val_small_get(v);
    return (c >= 32 && c <= 126) || (c >= 7 && c <= 13) || c == 27;
}

static bool codepoint(Value v)
{
    if (!val_is_small(v))
        return false;
    int64_t c = val_small_get(v);
    return c >= 0 && c <= 0x10FFFF && !(c >= 0xD800 && c <= 0xDFFF);
}

/* List.ascii_printable?/2 with the printable limit, or with :as_charlists any proper list of
 * code points. */
static bool is_charlist(Ins *c, Value list)
{
    if (c->o->charlists == INSPECT_AS_LISTS)
        return false;
    bool any = c->o->charlists == INSPECT_AS_CHARLISTS;
    for (size_t n = 0; any || n < c->o->printable_limit; n++, list = val_tail(list)) {
        if (list == VAL_NIL)
            return true;
        if (!val_is_cons(list) || !(any ? codepoint(val_head(list)) : ascii_printable_char(val_head(list))))
            return false;
    }
    return true;
}

static DocId charlist_doc(Ins *c, Value list)
{
    StrBuf *t = &c->d->text;
    size_t off = t->len, n = 0;
    strbuf_putc(t, '\'');
    for (; val_is_cons(list) && n < c->o->printable_limit; list = val_tail(list), n++) {
        Value next = val_tail(list);
        uint32_t nc = val_is_cons(next) && val_is_small(val_head(next)) ? (uint32_t)val_small_get(val_head(next)) : 0;
        itext_escape_char(t, (uint32_t)val_small_get(val_head(list)), '\'', nc);
    }
    strbuf_puts(t, list == VAL_NIL ? "'" : "' ++ ...");
    return doc_text_since(c->d, off);
}

static DocId list_doc(Ins *c, Value list, int64_t limit)
{
    if (list == VAL_NIL)
        return doc_cstr(c->d, "[]");
    if (is_charlist(c, list))
        return charlist_doc(c, list);
    bool kw = is_keyword(list);
    Items it = {.simple = !kw};
    for (; val_is_cons(list); list = val_tail(list)) {
        if (!take(&limit)) {
            items_add(c, &it, doc_cstr(c->d, "..."));
            break;
        }
        Value h = val_head(list), t = val_tail(list);
        if (kw) {
            items_add(c, &it, keyword_item(c, val_tuple_elems(h)[0], val_tuple_elems(h)[1], limit));
        } else if (val_is_cons(t) || t == VAL_NIL) {
            items_add(c, &it, to_doc(c, h, limit));
        } else { /* improper tail: "last | tail" is one item */
            DocId l = to_doc(c, h, limit), r = to_doc(c, t, limit);
            bool simple = it.simple && doc_is_simple(c->d, l) && doc_is_simple(c->d, r);
            items_add(c, &it, join(c, l, r, simple, doc_cstr(c->d, " |")));
            it.simple = simple; /* the joined item has a break, but Elixir judges its parts */
        }
    }
    return container(c, doc_cstr(c->d, "["), &it, "]", kw ? BRK_STRICT : BRK_MAYBE);
}

static DocId tuple_doc(Ins *c, Value t, int64_t limit)
{
    Items it = {.simple = false};
    for (uint32_t i = 0; i < val_tuple_arity(t); i++) {
        if (!take(&limit)) {
            items_add(c, &it, doc_cstr(c->d, "..."));
            break;
        }
        items_add(c, &it, to_doc(c, val_tuple_elems(t)[i], limit));
    }
    return container(c, doc_cstr(c->d, "{"), &it, "}", BRK_FLEX);
}

static bool map_keys_keyword(Value m)
{
    Value k, v;
    MapIter it;
    map_iter_init(&it, m);
    while (map_iter_next(&it, &k, &v))
        if (!val_is_atom(k) || atom_is_alias(k))
            return false;
    return true;
}

static DocId plain_map_doc(Ins *c, Value m, int64_t limit)
{
    bool kw = map_keys_keyword(m);
    Items it = {.simple = false};
    Value k, v;
    MapIter iter;
    map_iter_init(&iter, m);
    while (map_iter_next(&iter, &k, &v)) {
        if (!take(&limit)) {
            items_add(c, &it, doc_cstr(c->d, "..."));
            break;
        }
        if (kw) {
            items_add(c, &it, keyword_item(c, k, v, limit));
        } else {
            DocId kd = doc_concat(c->d, to_doc(c, k, limit), doc_cstr(c->d, " => "));
            items_add(c, &it, doc_concat(c->d, kd, to_doc(c, v, limit)));
        }
    }
    return container(c, doc_cstr(c->d, "%{"), &it, "}", BRK_STRICT);
}

/* One struct field item, unless the field is hidden or the limit is used up (*done). */
static void struct_field(Ins *c, Items *it, Value m, Value field, int64_t *limit, bool *done)
{
    if (field == ATOM_STRUCT || field == ATOM_EXCEPTION || *done)
        return;
    Value v = map_get(m, field);
    if (v == THE_NON_VALUE)
        return;
    if (!take(limit)) {
        items_add(c, it, doc_cstr(c->d, "..."));
        *done = true;
        return;
    }
    items_add(c, it, keyword_item(c, field, v, *limit));
}

/* %Name{field: value, ...}: fields in `fields` order (a list of atoms) or key order. */
static DocId struct_doc(Ins *c, Value m, Value name, Value fields, int64_t limit)
{
    StrBuf *t = &c->d->text;
    size_t off = t->len;
    strbuf_putc(t, '%');
    itext_atom(t, val_atom_index(name), ATOM_FORM_LITERAL);
    strbuf_putc(t, '{');
    DocId open = doc_text_since(c->d, off);
    Items it = {.simple = false};
    bool done = false;
    if (fields == THE_NON_VALUE) {
        Value k, v;
        MapIter iter;
        map_iter_init(&iter, m);
        while (map_iter_next(&iter, &k, &v))
            if (val_is_atom(k))
                struct_field(c, &it, m, k, &limit, &done);
    } else {
        for (; val_is_cons(fields); fields = val_tail(fields))
            struct_field(c, &it, m, val_head(fields), &limit, &done);
    }
    return container(c, open, &it, "}", BRK_STRICT);
}

/* Inspect.Range: first..last, or first..last//step unless step is 1 and last >= first. */
static DocId range_doc(Ins *c, Value m, int64_t limit)
{
    Value first = map_get(m, val_atom_cstr("first")), last = map_get(m, val_atom_cstr("last"));
    Value step = map_get(m, val_atom_cstr("step"));
    if (first == THE_NON_VALUE || last == THE_NON_VALUE || step == THE_NON_VALUE)
        return DOC_NIL;
    Docs *d = c->d;
    DocId doc = doc_concat(d, to_doc(c, first, limit), doc_concat(d, doc_cstr(d, ".."), to_doc(c, last, limit)));
    if (step == val_small(1) && val_compare(last, first) >= 0)
        return doc;
    return doc_concat(d, doc, doc_concat(d, doc_cstr(d, "//"), to_doc(c, step, limit)));
}

/* Inspect.MapSet: MapSet.new([...]) listing the members (no charlists), like a list. */
static DocId mapset_doc(Ins *c, Value m, int64_t limit)
{
    Value set = map_get(m, val_atom_cstr("map"));
    if (set == THE_NON_VALUE || !val_is_map(set))
        return DOC_NIL;
    bool kw = map_size(set) > 0;
    Value k, v;
    MapIter it;
    map_iter_init(&it, set);
    while (kw && map_iter_next(&it, &k, &v))
        kw = val_is_tuple(k) && val_tuple_arity(k) == 2 && val_is_atom(val_tuple_elems(k)[0])
             && !atom_is_alias(val_tuple_elems(k)[0]);
    Items items = {.simple = !kw};
    const InspectOpts *saved = c->o;
    InspectOpts as_lists = *saved; /* MapSet members never print as charlists, at any depth */
    as_lists.charlists = INSPECT_AS_LISTS;
    c->o = &as_lists;
    map_iter_init(&it, set);
    while (map_iter_next(&it, &k, &v)) {
        if (!take(&limit)) {
            items_add(c, &items, doc_cstr(c->d, "..."));
            break;
        }
        DocId doc = kw ? keyword_item(c, val_tuple_elems(k)[0], val_tuple_elems(k)[1], limit) : to_doc(c, k, limit);
        items_add(c, &items, doc);
    }
    c->o = saved;
    DocId list = container(c, doc_cstr(c->d, "["), &items, "]", kw ? BRK_STRICT : BRK_MAYBE);
    return doc_concat(c->d, doc_cstr(c->d, "MapSet.new("), doc_concat(c->d, list, doc_cstr(c->d, ")")));
}

static DocId map_doc(Ins *c, Value m, int64_t limit)
{
    Value name = map_struct_name(m);
    if (name == THE_NON_VALUE || c->o->structs_as_maps)
        return plain_map_doc(c, m, limit);
    DocId special = DOC_NIL;
    if (name == val_atom_cstr("Elixir.Range"))
        special = range_doc(c, m, limit);
    else if (name == val_atom_cstr("Elixir.MapSet"))
        special = mapset_doc(c, m, limit);
    if (special != DOC_NIL)
        return special;
    Value fields = THE_NON_VALUE;
    if (c->o->struct_fields) {
        fields = c->o->struct_fields(c->o->ctx, name);
        if (fields == THE_NON_VALUE)
            return plain_map_doc(c, m, limit);
    }
    return struct_doc(c, m, name, fields, limit);
}

/* <<1, 2, 3>>: each byte takes one from the limit; flex breaks, nested by 2. */
static DocId bytes_doc(Ins *c, const unsigned char *b, size_t len, int64_t limit)
{
    Docs *d = c->d;
    DocId acc = DOC_NIL;
    size_t n = 0;
    for (; n < len && limit != 0; n++)
        limit = limit > 0 ? limit - 1 : limit;
    /* Build from the right, as Elixir's each_bit nests: "b0," flex "b1," flex ... */
    if (n < len)
        acc = doc_cstr(d, "...");
    for (size_t i = n; i-- > 0;) {
        char num[8];
        snprintf(num, sizeof num, i + 1 < len ? "%u," : "%u", b[i]);
        DocId x = doc_cstr(d, num);
        acc = acc == DOC_NIL ? x : doc_concat(d, x, doc_concat(d, doc_break(d, " ", true), acc));
    }
    DocId inner = doc_concat(d, doc_cstr(d, "<<"), doc_nest(d, acc, 2));
    return doc_group(d, doc_concat(d, inner, doc_cstr(d, ">>")));
}

static DocId binary_doc(Ins *c, Value v, int64_t limit)
{
    const char *s = val_binary_bytes(v);
    size_t len = val_binary_len(v);
    bool as_string = c->o->binaries == INSPECT_AS_STRINGS
                     || (c->o->binaries == INSPECT_BIN_INFER && itext_printable(s, len, c->o->printable_limit));
    if (!as_string)
        return bytes_doc(c, (const unsigned char *)s, len, limit);
    StrBuf *t = &c->d->text;
    size_t off = t->len;
    strbuf_putc(t, '"');
    size_t used = itext_escape(t, s, len, '"', c->o->printable_limit);
    strbuf_puts(t, used < len ? "\" <> ..." : "\"");
    return doc_text_since(c->d, off);
}

/* #Function<index.uniq/arity in Mod.fun/arity>, &Mod.fun/arity for a capture of a named
 * function, #Function<index.uniq in file:PATH> at a script's top level (value.h). */
static DocId fun_doc(Ins *c, Value v)
{
    const FunHead *f = val_fun_info(v);
    StrBuf *t = &c->d->text;
    size_t off = t->len;
    if (f->index == FUN_INDEX_EXTERNAL) {
        strbuf_putc(t, '&');
        itext_atom(t, val_atom_index(f->module), ATOM_FORM_LITERAL);
        strbuf_putc(t, '.');
        itext_atom(t, val_atom_index(f->def_name), ATOM_FORM_CALL);
        strbuf_printf(t, "/%" PRIu32, f->arity);
    } else if (f->def_name == ATOM_NIL) {
        strbuf_printf(t, "#Function<%" PRIu32 ".%" PRIu32 " in file:%s>", f->index, f->uniq,
                      atom_name(val_atom_index(f->module)));
    } else {
        strbuf_printf(t, "#Function<%" PRIu32 ".%" PRIu32 "/%" PRIu32 " in ", f->index, f->uniq, f->arity);
        itext_atom(t, val_atom_index(f->module), ATOM_FORM_LITERAL);
        strbuf_putc(t, '.');
        itext_atom(t, val_atom_index(f->def_name), ATOM_FORM_CALL);
        strbuf_printf(t, "/%" PRIu32 ">", f->def_arity);
    }
    return doc_text_since(c->d, off);
}

/* Numbers, pids, references: one text. */
static DocId leaf_doc(Ins *c, Value v)
{
    StrBuf *t = &c->d->text;
    size_t off = t->len;
    if (val_is_int(v))
        itext_int(t, val_int_get(v));
    else if (val_is_float(v))
        itext_float(t, val_float_get(v));
    else if (val_is_pid(v))
        strbuf_printf(t, "#PID<0.%" PRIu32 ".%" PRIu32 ">", val_pid_index(v), val_pid_serial(v));
    else if (val_is_ref(v))
        strbuf_printf(t, "#Reference<0.0.0.%" PRIu64 ">", val_ref_get(v));
    else
        strbuf_puts(t, "#ember.bad_value<>"); /* THE_NON_VALUE or a corrupt word: never valid */
    return doc_text_since(c->d, off);
}

static DocId to_doc(Ins *c, Value v, int64_t limit)
{
    if (val_is_atom(v))
        return atom_doc(c, v, ATOM_FORM_LITERAL);
    bool container = val_is_list(v) || val_is_tuple(v) || val_is_map(v);
    if (container && limit < 0 && c->depth >= MAX_DEPTH)
        return doc_cstr(c->d, "...");
    DocId doc;
    c->depth++;
    if (val_is_list(v))
        doc = list_doc(c, v, limit);
    else if (val_is_tuple(v))
        doc = tuple_doc(c, v, limit);
    else if (val_is_map(v))
        doc = map_doc(c, v, limit);
    else if (val_is_binary(v))
        doc = binary_doc(c, v, limit);
    else if (val_is_fun(v))
        doc = fun_doc(c, v);
    else
        doc = leaf_doc(c, v);
    c->depth--;
    return doc;
}

void inspect_append(StrBuf *out, Value v, const InspectOpts *opts)
{
    Docs d;
    doc_init(&d);
    Ins c = {&d, opts ? opts : &INSPECT_DEFAULTS, 0, 0, 0, 0};
    c.comma = doc_cstr(&d, ",");
    c.flex_space = doc_break(&d, " ", true);
    c.space = doc_break(&d, " ", false);
    DocId doc = doc_group(&d, to_doc(&c, v, c.o->limit));
    doc_format(&d, doc, c.o->width, out);
    doc_free(&d);
}
