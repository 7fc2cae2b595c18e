/* lib.c: registers every builtin module of src/lib and knows which Kernel functions guards
 * may call (builtins.h). */
#include <string.h>

#include "lib/builtins.h"
#include "lib/libs.h"

void lib_init(void)
{
    lib_kernel_init();
    lib_exception_init();
    lib_io_init();
    lib_system_init();
    lib_process_init();
    lib_map_init();
    lib_enum_init();
    lib_tuple_init();
    lib_range_init();
    lib_integer_init();
    lib_float_init();
    lib_list_init();
    lib_keyword_init();
    lib_map_set_init();
    lib_string_init();
    lib_erlang_init();
}

/* Kernel functions allowed in guards (Elixir's guard-safe list, plus the operators ember
 * compiles to calls). */
static const char *const guard_safe[] = {
    "is_atom", "is_binary", "is_bitstring", "is_boolean", "is_float", "is_function", "is_integer",
    "is_list", "is_map", "is_map_key", "is_nil", "is_number", "is_pid", "is_port", "is_reference",
    "is_tuple", "is_struct", "is_exception", "abs", "div", "rem", "elem", "hd", "tl", "length",
    "map_size", "tuple_size", "byte_size", "bit_size", "round", "trunc", "floor", "ceil", "max", "min",
    "node", "self", "not", "__in__", "..", "++", "--", "+", "-", "*", "/", NULL,
};

int lib_guard_safe(const char *name, uint32_t arity)
{
    (void)arity;
    for (int i = 0; guard_safe[i]; i++)
        if (strcmp(guard_safe[i], name) == 0) return 1;
    return 0;
}
