/* doc.h: algebra documents and their layout, the engine behind inspect (Elixir's
 * Inspect.Algebra, after Wadler's "prettier printer" and Lindig's "Strictly Pretty").
 *
 * Owns: a pool of document nodes (texts, concatenations, nests, strict and flex breaks,
 * groups) and the layout that fits them into a width. Does not own what the documents say
 * (inspect.c builds them). Layout follows Elixir 1.14 exactly: the document starts flat; a
 * group is laid out flat if its own content fits the rest of the line (a group with no break
 * always fits), else broken; in a broken group strict breaks become newlines, while each flex
 * break becomes a newline only if the text up to the next break would not fit. Widths count
 * bytes, as Elixir does for inspect's binaries. Iterative: no C recursion on document depth.
 */
#ifndef EMBER_DOC_H
#define EMBER_DOC_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "value/strbuf.h"

typedef uint32_t DocId; /* DOC_NIL is the empty document */
#define DOC_NIL 0u

typedef struct DocNode DocNode;

/* A pool of documents, freed at once. Texts are copied into `text`. */
typedef struct Docs {
    DocNode *nodes;
    size_t len, cap;
    StrBuf text;
} Docs;

void doc_init(Docs *d);
void doc_free(Docs *d);

/* A text of `len` bytes (copied). */
DocId doc_text(Docs *d, const char *s, size_t len);
/* A text of the bytes appended to d->text since offset `off` (write leaves straight into
 * d->text, then call this). */
DocId doc_text_since(Docs *d, size_t off);
/* A NUL-terminated text (copied). */
DocId doc_cstr(Docs *d, const char *s);
/* a followed by b. */
DocId doc_concat(Docs *d, DocId a, DocId b);
/* `x` with `indent` more spaces after each newline a break inside it makes. */
DocId doc_nest(Docs *d, DocId x, uint32_t indent);
/* A break printed as `s` (a NUL-terminated literal, not copied) or as a newline. A strict
 * break follows its group's mode; a flex break is decided on its own (Elixir's flex_break). */
DocId doc_break(Docs *d, const char *s, bool flex);
/* A group: laid out flat if it fits, else broken. */
DocId doc_group(Docs *d, DocId x);
/* True if `x` holds only texts (Elixir's container "simple?" test). */
bool doc_is_simple(const Docs *d, DocId x);

/* Lays `x` out in `width` columns (0 = unlimited: everything flat) and appends it to `out`. */
void doc_format(const Docs *d, DocId x, size_t width, StrBuf *out);

#endif
