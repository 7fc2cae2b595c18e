/* inspect.h: Kernel.inspect/2 and IO.inspect of any value, byte for byte as Elixir 1.14.
 *
 * Owns: turning a value into Elixir's inspect text, with the :limit option (collections show
 * that many items, then "..."; nested collections get what is left of it) and the width
 * (inspect/1 uses no width: one line; IO.inspect and iex use 80 and break long collections
 * the way Inspect.Algebra does). Does not own struct definitions: the VM may supply them
 * through `struct_fields` so fields print in defstruct order and unknown structs print as maps.
 */
#ifndef EMBER_INSPECT_H
#define EMBER_INSPECT_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "value/strbuf.h"
#include "value/value.h"

/* Elixir's :charlists and :binaries options; 0 (infer) is the default. */
typedef enum { INSPECT_INFER = 0, INSPECT_AS_LISTS, INSPECT_AS_CHARLISTS } InspectCharlists;
typedef enum { INSPECT_BIN_INFER = 0, INSPECT_AS_BINARIES, INSPECT_AS_STRINGS } InspectBinaries;

typedef struct InspectOpts {
    size_t width;           /* columns; 0 = unlimited (inspect/1). IO.inspect and iex: 80 */
    int64_t limit;          /* items per collection (Elixir :limit, default 50); < 0 = infinity */
    size_t printable_limit; /* code points of a string or charlist shown (default 4096) */
    InspectCharlists charlists; /* charlists: :as_lists / :as_charlists */
    InspectBinaries binaries;   /* binaries: :as_binaries / :as_strings */
    bool structs_as_maps;       /* structs: false */
    /* Optional. The fields of struct `name` in defstruct order, as a proper list of atoms, or
     * THE_NON_VALUE if `name` is not a struct module (the map then prints as a map with
     * __struct__:). The list is only read, so it may live anywhere (e.g. with the module's
     * literals). NULL: every map whose :__struct__ is an atom prints as a struct, fields in
     * key order. */
    Value (*struct_fields)(void *ctx, Value name);
    void *ctx;
} InspectOpts;

/* inspect/1: width 0, limit 50, printable_limit 4096. */
extern const InspectOpts INSPECT_DEFAULTS;
/* IO.inspect/1 and iex results: as INSPECT_DEFAULTS with width 80. */
extern const InspectOpts INSPECT_PRETTY;

/* Appends the inspect text of `v` to `out` (opts NULL = INSPECT_DEFAULTS). Never fails. */
void inspect_append(StrBuf *out, Value v, const InspectOpts *opts);

#endif
