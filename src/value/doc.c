/* doc.c: algebra documents and their layout (doc.h). The layout runs on an explicit stack of
 * (indent, mode, doc) entries; the fit test reads a private stack first and then, for flex
 * breaks, the entries still waiting on the main stack (the "rest of the document"), without
 * changing them. A TAIL entry in the fit stack restores the "seen a break" flag once a group's
 * content has been measured, as Elixir's {:tail, b?, t}. */
#include "value/doc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { K_NIL, K_TEXT, K_CONS, K_NEST, K_BREAK, K_FLEX, K_GROUP, K_TAIL };
enum { M_FLAT, M_BREAK };

struct DocNode {
    uint8_t kind;
    uint32_t a, b;   /* CONS: children; NEST: child, indent; GROUP: child */
    size_t off, len; /* TEXT: bytes in Docs.text; BREAK: len of s */
    const char *s;   /* BREAK, FLEX */
};

typedef struct Entry {
    uint32_t indent;
    uint8_t mode;
    DocId doc;  /* for K_TAIL entries (fit stack only): the saved flag in indent */
    bool tail;
} Entry;

typedef struct EStack {
    Entry *items;
    size_t len, cap;
} EStack;

static void *grow(void *p, size_t *cap, size_t size)
{
    size_t n = *cap ? *cap * 2 : 64;
    void *q = realloc(p, n * size);
    if (!q) {
        fputs("ember: out of memory laying out a document\n", stderr);
        abort();
    }
    *cap = n;
    return q;
}

void doc_init(Docs *d)
{
    d->nodes = NULL;
    d->len = d->cap = 0;
    strbuf_init(&d->text);
}

void doc_free(Docs *d)
{
    free(d->nodes);
    strbuf_free(&d->text);
    doc_init(d);
}

static DocId add(Docs *d, DocNode n)
{
    if (d->len == 0) { /* node 0 is DOC_NIL */
        if (d->cap == 0)
            d->nodes = grow(d->nodes, &d->cap, sizeof *d->nodes);
        d->nodes[0] = (DocNode){.kind = K_NIL};
        d->len = 1;
    }
    if (d->len == d->cap)
        d->nodes = grow(d->nodes, &d->cap, sizeof *d->nodes);
    d->nodes[d->len] = n;
    return (DocId)d->len++;
}

DocId doc_text(Docs *d, const char *s, size_t len)
{
    size_t off = d->text.len;
    strbuf_append(&d->text, s, len);
    return add(d, (DocNode){.kind = K_TEXT, .off = off, .len = len});
}

DocId doc_text_since(Docs *d, size_t off)
{
    return add(d, (DocNode){.kind = K_TEXT, .off = off, .len = d->text.len - off});
}

DocId doc_cstr(Docs *d, const char *s)
{
    return doc_text(d, s, strlen(s));
}

DocId doc_concat(Docs *d, DocId a, DocId b)
{
    if (a == DOC_NIL)
        return b;
    if (b == DOC_NIL)
        return a;
    return add(d, (DocNode){.kind = K_CONS, .a = a, .b = b});
}

DocId doc_nest(Docs *d, DocId x, uint32_t indent)
{
    return indent ? add(d, (DocNode){.kind = K_NEST, .a = x, .b = indent}) : x;
}

DocId doc_break(Docs *d, const char *s, bool flex)
{
    return add(d, (DocNode){.kind = flex ? K_FLEX : K_BREAK, .s = s, .len = strlen(s)});
}

DocId doc_group(Docs *d, DocId x)
{
    return add(d, (DocNode){.kind = K_GROUP, .a = x});
}

bool doc_is_simple(const Docs *d, DocId x)
{
    /* Only texts and concatenations of them; walk the right spine iteratively. */
    while (x != DOC_NIL) {
        const DocNode *n = &d->nodes[x];
        if (n->kind == K_TEXT)
            return true;
        if (n->kind != K_CONS || !doc_is_simple(d, n->a))
            return false;
        x = n->b;
    }
    return true;
}

static void push(EStack *s, Entry e)
{
    if (s->len == s->cap)
        s->items = grow(s->items, &s->cap, sizeof *s->items);
    s->items[s->len++] = e;
}

/* Pushes the parts of a CONS or NEST entry (for both layout and fitting); NIL has none. */
static void expand(EStack *s, Entry e, const DocNode *n)
{
    if (n->kind == K_CONS) {
        push(s, (Entry){e.indent, e.mode, n->b, false});
        push(s, (Entry){e.indent, e.mode, n->a, false});
    } else if (n->kind == K_NEST) {
        push(s, (Entry){e.indent + n->b, e.mode, n->a, false});
    }
}

/* Elixir's fits?/4: does the text fit in `w` columns from column `k`? `fit` holds the
 * entries to measure; when it runs out and `rest` > 0, the main stack's entries below index
 * `rest` are measured too (read only). `b`: a break has been seen. */
static bool fits(const Docs *d, EStack *fit, const EStack *main, size_t rest, size_t w, size_t k, bool b)
{
    for (;;) {
        if (k > w && b)
            return false;
        Entry e;
        if (fit->len)
            e = fit->items[--fit->len];
        else if (rest)
            e = main->items[--rest];
        else
            return true;
        if (e.tail) {
            b = e.indent != 0;
            continue;
        }
        const DocNode *n = &d->nodes[e.doc];
        switch (n->kind) {
        case K_TEXT:
            k += n->len;
            break;
        case K_BREAK:
        case K_FLEX:
            if (e.mode == M_BREAK)
                return true;
            k += n->len;
            b = true;
            break;
        case K_GROUP:
            push(fit, (Entry){b, 0, 0, true});
            push(fit, (Entry){e.indent, M_FLAT, n->a, false});
            break;
        default: /* CONS, NEST */
            expand(fit, e, n);
            break;
        }
    }
}

static void newline(StrBuf *out, uint32_t indent)
{
    char *p = strbuf_reserve(out, indent + 1);
    p[0] = '\n';
    memset(p + 1, ' ', indent);
    strbuf_commit(out, indent + 1);
}

/* Lays out one BREAK/FLEX/GROUP entry; returns the new column. */
static size_t layout_choice(const Docs *d, EStack *st, EStack *fit, Entry e, size_t w, size_t k, StrBuf *out)
{
    const DocNode *n = &d->nodes[e.doc];
    if (n->kind == K_GROUP) {
        fit->len = 0;
        push(fit, (Entry){e.indent, M_FLAT, n->a, false});
        bool flat = w == 0 || fits(d, fit, st, 0, w, k, false);
        push(st, (Entry){e.indent, flat ? M_FLAT : M_BREAK, n->a, false});
        return k;
    }
    bool as_text;
    if (n->kind == K_FLEX) {
        k += n->len;
        fit->len = 0;
        as_text = w == 0 || e.mode == M_FLAT || fits(d, fit, st, st->len, w, k, true);
        if (as_text) {
            strbuf_append(out, n->s, n->len);
            return k;
        }
    } else if (e.mode != M_BREAK) {
        strbuf_append(out, n->s, n->len);
        return k + n->len;
    }
    newline(out, e.indent);
    return e.indent;
}

void doc_format(const Docs *d, DocId x, size_t width, StrBuf *out)
{
    EStack st = {0}, fit = {0};
    size_t k = 0;
    push(&st, (Entry){0, M_FLAT, x, false});
    while (st.len) {
        Entry e = st.items[--st.len];
        const DocNode *n = &d->nodes[e.doc];
        switch (n->kind) {
        case K_TEXT:
            strbuf_append(out, d->text.data + n->off, n->len);
            k += n->len;
            break;
        case K_CONS:
        case K_NEST:
            expand(&st, e, n);
            break;
        case K_BREAK:
        case K_FLEX:
        case K_GROUP:
            k = layout_choice(d, &st, &fit, e, width, k, out);
            break;
        default:
            break;
        }
    }
    free(st.items);
    free(fit.items);
}
