/* itext.h: the texts of inspect's leaves, as Elixir 1.14 writes them: atoms (bare, quoted,
 * aliases, keyword keys), escaped strings and charlists, floats (shortest round-trip digits).
 * Internal to src/value (inspect.c and chars.c). Does not decide layout (doc.h) or structure
 * (inspect.c). All append to a StrBuf. */
#ifndef EMBER_ITEXT_H
#define EMBER_ITEXT_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "value/strbuf.h"

typedef enum AtomForm {
    ATOM_FORM_LITERAL, /* :ok, :"a b", Foo.Bar, nil */
    ATOM_FORM_KEY,     /* ok:, "a b":, "Elixir.Foo": (keyword lists and maps) */
    ATOM_FORM_CALL,    /* the f in Mod.f/1: f or "a b" */
} AtomForm;

/* Appends atom `index` in `form`. */
void itext_atom(StrBuf *out, uint32_t index, AtomForm form);

/* Decodes one UTF-8 code point from s[0..len); returns its byte length, or 0 if the bytes are
 * not valid UTF-8 (overlong, surrogate, past U+10FFFF, truncated). */
size_t itext_utf8_decode(const char *s, size_t len, uint32_t *cp);
/* Appends code point `cp` (<= 0x10FFFF) as UTF-8. */
void itext_utf8_encode(StrBuf *out, uint32_t cp);

/* String.printable?/2: valid UTF-8 whose first `limit` code points are printable. */
bool itext_printable(const char *s, size_t len, size_t limit);
/* Appends the first `limit` code points of printable `s` escaped for a `quote`-quoted literal
 * (" or '); returns the bytes consumed (len if everything was escaped). */
size_t itext_escape(StrBuf *out, const char *s, size_t len, char quote, size_t limit);
/* Appends code point `cp` escaped for a `quote`-quoted literal. */
void itext_escape_char(StrBuf *out, uint32_t cp, char quote, uint32_t next);

/* Appends integer `i` in decimal. */
void itext_int(StrBuf *out, int64_t i);

/* Appends float `d` as Elixir's inspect does: 2.5, 1.0e20, 1.0e-5, and integral values below
 * 1.0e16 in full (1000000000000000.0). */
void itext_float(StrBuf *out, double d);
/* Appends float `d` as to_string/1 and interpolation do (Erlang's shortest form,
 * :io_lib_format.fwrite_g): like itext_float but 1.0e15 stays 1.0e15. */
void itext_float_short(StrBuf *out, double d);

#endif
