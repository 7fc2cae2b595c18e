/* utf8.h: reading UTF-8 text for the String functions: code points, an approximation of
 * Unicode's extended grapheme clusters, whitespace and simple case mapping. Not a public
 * header.
 * Graphemes: a code point plus every following combining mark, variation selector and emoji
 * modifier, a zero-width joiner with the code point after it, a pair of regional indicators
 * (a flag), and "\r\n" are one grapheme. That covers accents and the common emoji sequences;
 * scripts that need the full Unicode rules (Hangul syllable parts, Indic conjuncts) count by
 * code point. An invalid byte is one grapheme by itself, as in Elixir.
 */
#ifndef EMBER_UTF8_H
#define EMBER_UTF8_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* The code point starting at s[i] (i < n) in *cp and its length in bytes (1..4); an invalid
 * or truncated sequence reads as one byte with *cp = -1. */
size_t utf8_decode(const char *s, size_t n, size_t i, int32_t *cp);

/* Writes code point cp (0..0x10FFFF) as UTF-8 into out (4 bytes of room); returns its length. */
size_t utf8_encode(int32_t cp, char *out);

/* The end (exclusive) of the grapheme starting at s[i] (i < n). */
size_t utf8_grapheme_end(const char *s, size_t n, size_t i);

/* The number of graphemes in s[0..n). */
size_t utf8_grapheme_count(const char *s, size_t n);

/* Byte offset of the k-th grapheme of s[0..n) (n if there are k or fewer). */
size_t utf8_grapheme_offset(const char *s, size_t n, size_t k);

/* True for Unicode White_Space (what String.trim removes), and for White_Space minus the
 * non-breaking spaces U+00A0, U+2007, U+202F (where String.split/1 splits). */
bool utf8_is_space(int32_t cp);
bool utf8_is_break_space(int32_t cp);

/* Simple case mapping. One code point may map to two (ß -> SS, İ -> i + dot): each writes up
 * to 2 code points into out and returns how many. utf8_title is the first letter of
 * capitalize. */
int utf8_upper(int32_t cp, int32_t out[2]);
int utf8_lower(int32_t cp, int32_t out[2]);
int utf8_title(int32_t cp, int32_t out[2]);

#endif
