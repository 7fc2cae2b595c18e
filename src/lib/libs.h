/* libs.h: what the files of src/lib share: each module's registration function (called by
 * lib_init) and small helpers for writing builtins. Not used outside src/lib. */
#ifndef EMBER_LIBS_H
#define EMBER_LIBS_H
#include <stddef.h>

#include "lib/builtins.h"
#include "rt/process.h"
#include "value/strbuf.h"
#include "value/value.h"
#include "vm/module.h"

void lib_kernel_init(void);
void lib_exception_init(void);
void lib_io_init(void);
void lib_system_init(void);
void lib_process_init(void);
void lib_map_init(void);
void lib_enum_init(void);
void lib_tuple_init(void);
void lib_range_init(void);
void lib_integer_init(void);
void lib_float_init(void);
void lib_list_init(void);
void lib_keyword_init(void);
void lib_map_set_init(void);
void lib_string_init(void);
void lib_erlang_init(void);

/* Registers `table` (n entries) as the builtins of module `name`. */
#define LIB_REGISTER(name, table) module_register_builtins(name, table, sizeof table / sizeof *table)

/* A binary of the NUL-terminated `s` / of a StrBuf's bytes (frees the buffer). */
Value lib_binary(Process *p, const char *s);
Value lib_binary_sb(Process *p, StrBuf *sb);

/* to_string(v) appended to `sb` (String.Chars); false after raising. */
bool lib_chars(Process *p, StrBuf *sb, Value v);

/* The value of keyword `key` in list `opts`, or THE_NON_VALUE. */
Value lib_kw_get(Value opts, const char *key);

/* Proper list length, or -1 if `v` is not a proper list. */
long lib_list_length(Value v);

#endif
