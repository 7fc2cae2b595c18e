/* chars.h: to_string/1 and string interpolation (Elixir's String.Chars protocol).
 *
 * Owns: the text of binaries (as they are), atoms (bare; nil is ""), integers, floats
 * (Erlang's shortest form) and lists as chardata (code points as UTF-8, binaries, nested
 * lists, a binary as an improper tail). Other values have no String.Chars implementation:
 * the caller raises Protocol.UndefinedError. Does not own user implementations (defimpl).
 */
#ifndef EMBER_CHARS_H
#define EMBER_CHARS_H
#include <stdint.h>

#include "value/strbuf.h"
#include "value/value.h"

typedef enum CharsStatus {
    CHARS_OK = 0,
    CHARS_NOT_IMPLEMENTED, /* Protocol.UndefinedError: tuple, map, pid, reference, fun */
    CHARS_BAD_LIST,        /* ArgumentError: the list holds something that is not chardata */
    CHARS_BAD_CODEPOINT,   /* UnicodeConversionError: an integer that is no code point */
} CharsStatus;

/* Appends to_string(v) to `out`. On failure returns the status (what was appended so far
 * stays in `out`: truncate it) and, for CHARS_BAD_CODEPOINT, sets *bad to the integer. */
MUST_CHECK CharsStatus chars_append(StrBuf *out, Value v, int64_t *bad);

/* Appends Elixir's exception message for a failed chars_append(v): e.g. "protocol
 * String.Chars not implemented for {1, 2} of type Tuple", "invalid code point -1", or
 * ArgumentError's "cannot convert the given list to a string. ..." text. */
void chars_error_message(StrBuf *out, CharsStatus status, Value v, int64_t bad);

#endif
