/* kernel.h: the Kernel builtins defined outside kernel.c (kernel_data.c, kernel_struct.c),
 * listed in kernel.c's one Kernel table, and helpers other src/lib files use. Not a public
 * header. Each function is a builtin (builtins.h). */
#ifndef EMBER_KERNEL_H
#define EMBER_KERNEL_H
#include <stdbool.h>

#include "lib/builtins.h"
#include "rt/process.h"

Value kernel_length(Process *p, const Value *a);
Value kernel_hd(Process *p, const Value *a);
Value kernel_tl(Process *p, const Value *a);
Value kernel_elem(Process *p, const Value *a);
Value kernel_put_elem(Process *p, const Value *a);
Value kernel_tuple_size(Process *p, const Value *a);
Value kernel_map_size(Process *p, const Value *a);
Value kernel_byte_size(Process *p, const Value *a);
Value kernel_is_map_key(Process *p, const Value *a);
Value kernel_append(Process *p, const Value *a);
Value kernel_subtract(Process *p, const Value *a);
Value kernel_range(Process *p, const Value *a);
Value kernel_in(Process *p, const Value *a);
Value kernel_inspect(Process *p, const Value *a);
Value kernel_inspect2(Process *p, const Value *a);
Value kernel_to_string(Process *p, const Value *a);
Value kernel_apply2(Process *p, const Value *a);
Value kernel_apply3(Process *p, const Value *a);
Value kernel_make_ref(Process *p, const Value *a);
Value kernel_function_exported(Process *p, const Value *a);
Value kernel_struct_new(Process *p, const Value *a);
Value kernel_exception_new(Process *p, const Value *a);
Value kernel_struct(Process *p, const Value *a);
Value kernel_struct_bang(Process *p, const Value *a);
Value kernel_raise(Process *p, const Value *a);
Value kernel_exception_of(Process *p, const Value *a);
Value kernel_throw(Process *p, const Value *a);
Value kernel_exit(Process *p, const Value *a);
Value kernel_for_result(Process *p, const Value *a);

/* inspect(v, opts) as a binary; `pretty` starts from IO.inspect's defaults (width 80). */
Value lib_inspect(Process *p, Value v, Value opts, bool pretty);

/* The default struct of exception module `module` (Elixir's own, or a defexception), or
 * THE_NON_VALUE. */
Value exception_default(Process *p, Value module);

#endif
