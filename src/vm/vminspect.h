/* vminspect.h: inspect as running code sees it: structs print with their fields in defstruct
 * order (from the module table), and only maps whose :__struct__ names a defined struct print
 * as structs, as Elixir's Inspect does. Every inspect in src/vm and src/lib goes through here. */
#ifndef EMBER_VMINSPECT_H
#define EMBER_VMINSPECT_H
#include "value/inspect.h"
#include "value/strbuf.h"

/* `base` (NULL: inspect/1's defaults) with the module table's struct fields. */
InspectOpts vm_inspect_opts(const InspectOpts *base);

/* Appends inspect(v) (inspect/1's defaults) to `sb`. */
void vm_inspect(StrBuf *sb, Value v);

#endif
