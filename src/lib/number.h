/* number.h: reading and writing numbers as text, shared by Integer and Float (integer.c,
 * float.c) and the String and List functions that convert (String.to_integer, List.to_float,
 * ...). Integers are 64-bit: a number past that range is an overflow, reported separately so
 * callers can raise instead of answering wrongly. Not a public header.
 */
#ifndef EMBER_NUMBER_H
#define EMBER_NUMBER_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "rt/process.h"

typedef enum NumParse {
    NUM_OK = 0,
    NUM_NONE,     /* no digits where the number should start */
    NUM_OVERFLOW, /* digits, but the value does not fit 64 bits */
} NumParse;

/* Reads an integer in `base` (2..36) from the start of s[0..n): an optional + or - sign, then
 * one or more digits (letters either case past 9). *used = bytes read. */
NumParse num_parse_int(const char *s, size_t n, int base, int64_t *out, size_t *used);

/* Reads a float as Float.parse/1 does from the start of s[0..n): sign, digits, optionally a
 * fraction ".digits" and an exponent "e[sign]digits"; an integer alone reads as a float.
 * *used = bytes read. NUM_OVERFLOW for a value past the double range. */
NumParse num_parse_float(const char *s, size_t n, double *out, size_t *used);

/* True if all of s[0..n) is a float as Erlang's binary_to_float accepts it: digits, a '.',
 * digits, an optional exponent (so "1" and "1e5" are not). */
bool num_is_strict_float(const char *s, size_t n);

/* The binary of integer `v` in `base` (2..36, upper-case letters), e.g. "-FF". */
Value num_int_to_binary(Process *p, int64_t v, int base);

/* ArgumentError "errors were found at the given arguments: * Nth argument: not a textual
 * representation of an integer" (what = "an integer") or "... of a float". */
Value num_not_textual(Process *p, int argno, const char *what);

#endif
