/* strings.h: what the String module's files share (string.c holds the table and the functions
 * on graphemes, string_case.c case mapping and conversions, string_search.c the functions
 * that look for patterns). Not a public header. Strings are UTF-8 binaries; positions and
 * lengths count graphemes (utf8.h).
 */
#ifndef EMBER_STRINGS_H
#define EMBER_STRINGS_H
#include <stdbool.h>
#include <stddef.h>

#include "lib/builtins.h"
#include "rt/process.h"

/* Raises FunctionClauseError for String.name/arity with args[0..arity). */
Value str_fclause(Process *p, const char *name, uint32_t arity, const Value *args);

/* A binary of s[0..n) (raises SystemLimitError on THE_NON_VALUE). */
Value str_make(Process *p, const char *s, size_t n);

/* Builtins of string_case.c and string_search.c, registered in string.c's table. */
Value string_upcase1(Process *p, const Value *a);
Value string_upcase2(Process *p, const Value *a);
Value string_downcase1(Process *p, const Value *a);
Value string_downcase2(Process *p, const Value *a);
Value string_capitalize1(Process *p, const Value *a);
Value string_capitalize2(Process *p, const Value *a);
Value string_to_integer1(Process *p, const Value *a);
Value string_to_integer2(Process *p, const Value *a);
Value string_to_float(Process *p, const Value *a);
Value string_to_atom(Process *p, const Value *a);
Value string_to_existing_atom(Process *p, const Value *a);
Value string_to_charlist(Process *p, const Value *a);
Value string_contains(Process *p, const Value *a);
Value string_starts_with(Process *p, const Value *a);
Value string_ends_with(Process *p, const Value *a);
Value string_split1(Process *p, const Value *a);
Value string_split2(Process *p, const Value *a);
Value string_split3(Process *p, const Value *a);
Value string_replace3(Process *p, const Value *a);
Value string_replace4(Process *p, const Value *a);
Value string_replace_prefix(Process *p, const Value *a);
Value string_replace_suffix(Process *p, const Value *a);
Value string_replace_leading(Process *p, const Value *a);
Value string_replace_trailing(Process *p, const Value *a);
Value string_trim1(Process *p, const Value *a);
Value string_trim2(Process *p, const Value *a);
Value string_trim_leading1(Process *p, const Value *a);
Value string_trim_leading2(Process *p, const Value *a);
Value string_trim_trailing1(Process *p, const Value *a);
Value string_trim_trailing2(Process *p, const Value *a);

#endif
