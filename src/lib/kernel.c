/* kernel.c: Kernel's numeric, comparison and type-test builtins (the operators as functions,
 * for captures and apply; div, rem, abs, max, min, round, trunc; is_*). Integers never wrap:
 * a result past 64 bits raises ArithmeticError. */
#include <math.h>
#include <string.h>

#include "lib/kernel.h"
#include "lib/libs.h"
#include "value/map.h"
#include "vm/error.h"
#include "vm/module.h"
#include "vm/vm.h"

static Value kernel_add(Process *p, const Value *a) { return vm_arith(p, '+', a[0], a[1]); }
static Value kernel_sub(Process *p, const Value *a) { return vm_arith(p, '-', a[0], a[1]); }
static Value kernel_mul(Process *p, const Value *a) { return vm_arith(p, '*', a[0], a[1]); }
static Value kernel_fdiv(Process *p, const Value *a) { return vm_arith(p, '/', a[0], a[1]); }
static Value kernel_neg(Process *p, const Value *a) { return vm_arith(p, '-', val_small(0), a[0]); }

static Value kernel_plus(Process *p, const Value *a)
{
    if (!val_is_number(a[0])) return err_badarith(p, "+", a[0], THE_NON_VALUE);
    return a[0];
}

static Value kernel_eq(Process *p, const Value *a) { (void)p; return val_bool(val_equal(a[0], a[1])); }
static Value kernel_ne(Process *p, const Value *a) { (void)p; return val_bool(!val_equal(a[0], a[1])); }
static Value kernel_seq(Process *p, const Value *a) { (void)p; return val_bool(val_exact_equal(a[0], a[1])); }
static Value kernel_sne(Process *p, const Value *a) { (void)p; return val_bool(!val_exact_equal(a[0], a[1])); }
static Value kernel_lt(Process *p, const Value *a) { (void)p; return val_bool(val_compare(a[0], a[1]) < 0); }
static Value kernel_gt(Process *p, const Value *a) { (void)p; return val_bool(val_compare(a[0], a[1]) > 0); }
static Value kernel_le(Process *p, const Value *a) { (void)p; return val_bool(val_compare(a[0], a[1]) <= 0); }
static Value kernel_ge(Process *p, const Value *a) { (void)p; return val_bool(val_compare(a[0], a[1]) >= 0); }

static Value int_result(Process *p, int64_t r)
{
    Value v = val_make_int(&p->arena, r);
    return v == THE_NON_VALUE ? err_system_limit(p) : v;
}

static Value kernel_div(Process *p, const Value *a) { return vm_intdiv(p, false, a[0], a[1]); }
static Value kernel_rem(Process *p, const Value *a) { return vm_intdiv(p, true, a[0], a[1]); }

static Value kernel_abs(Process *p, const Value *a)
{
    if (val_is_int(a[0])) {
        int64_t x = val_int_get(a[0]);
        if (x == INT64_MIN) return err_badarith(p, "abs", a[0], THE_NON_VALUE);
        return x < 0 ? int_result(p, -x) : a[0];
    }
    if (val_is_float(a[0])) return val_make_float(&p->arena, fabs(val_float_get(a[0])));
    return err_badarg_at(p, 1, "not a number");
}

static Value kernel_max(Process *p, const Value *a) { (void)p; return val_compare(a[0], a[1]) >= 0 ? a[0] : a[1]; }
static Value kernel_min(Process *p, const Value *a) { (void)p; return val_compare(a[0], a[1]) <= 0 ? a[0] : a[1]; }

/* round/trunc/floor/ceil: integers unchanged, floats through `f`. */
static Value to_integer(Process *p, Value v, double (*f)(double))
{
    if (val_is_int(v)) return v;
    if (!val_is_float(v)) return err_badarg_at(p, 1, "not a number");
    double d = f(val_float_get(v));
    if (d >= 9223372036854775808.0 || d < -9223372036854775808.0) return err_badarith(p, "round", v, THE_NON_VALUE);
    return int_result(p, (int64_t)d);
}

static Value kernel_round(Process *p, const Value *a) { return to_integer(p, a[0], round); }
static Value kernel_trunc(Process *p, const Value *a) { return to_integer(p, a[0], trunc); }
static Value kernel_floor(Process *p, const Value *a) { return to_integer(p, a[0], floor); }
static Value kernel_ceil(Process *p, const Value *a) { return to_integer(p, a[0], ceil); }

static Value kernel_is_atom(Process *p, const Value *a) { (void)p; return val_bool(val_is_atom(a[0])); }
static Value kernel_is_binary(Process *p, const Value *a) { (void)p; return val_bool(val_is_binary(a[0])); }
static Value kernel_is_boolean(Process *p, const Value *a) { (void)p; return val_bool(a[0] == ATOM_TRUE || a[0] == ATOM_FALSE); }
static Value kernel_is_float(Process *p, const Value *a) { (void)p; return val_bool(val_is_float(a[0])); }
static Value kernel_is_function(Process *p, const Value *a) { (void)p; return val_bool(val_is_fun(a[0])); }
static Value kernel_is_integer(Process *p, const Value *a) { (void)p; return val_bool(val_is_int(a[0])); }
static Value kernel_is_list(Process *p, const Value *a) { (void)p; return val_bool(val_is_list(a[0])); }
static Value kernel_is_map(Process *p, const Value *a) { (void)p; return val_bool(val_is_map(a[0])); }
static Value kernel_is_nil(Process *p, const Value *a) { (void)p; return val_bool(a[0] == ATOM_NIL); }
static Value kernel_is_number(Process *p, const Value *a) { (void)p; return val_bool(val_is_number(a[0])); }
static Value kernel_is_pid(Process *p, const Value *a) { (void)p; return val_bool(val_is_pid(a[0])); }
static Value kernel_is_port(Process *p, const Value *a) { (void)p; (void)a; return ATOM_FALSE; }
static Value kernel_is_reference(Process *p, const Value *a) { (void)p; return val_bool(val_is_ref(a[0])); }
static Value kernel_is_tuple(Process *p, const Value *a) { (void)p; return val_bool(val_is_tuple(a[0])); }

static Value kernel_is_function2(Process *p, const Value *a)
{
    if (!val_is_small(a[1]) || val_small_get(a[1]) < 0) return err_badarg_at(p, 2, "not a valid arity");
    return val_bool(val_is_fun(a[0]) && val_fun_info(a[0])->arity == (uint64_t)val_small_get(a[1]));
}

static Value kernel_is_struct(Process *p, const Value *a)
{
    (void)p;
    return val_bool(val_is_map(a[0]) && map_struct_name(a[0]) != THE_NON_VALUE);
}

static Value kernel_is_struct2(Process *p, const Value *a)
{
    (void)p;
    return val_bool(val_is_map(a[0]) && map_struct_name(a[0]) == a[1]);
}

static Value kernel_is_exception(Process *p, const Value *a)
{
    (void)p;
    return val_bool(val_is_map(a[0]) && map_struct_name(a[0]) != THE_NON_VALUE &&
                    map_get(a[0], ATOM_EXCEPTION) == ATOM_TRUE);
}

static Value kernel_not(Process *p, const Value *a)
{
    if (a[0] != ATOM_TRUE && a[0] != ATOM_FALSE) return err_argument(p, "argument error");
    return val_bool(a[0] == ATOM_FALSE);
}

static const Builtin kernel_builtins[] = {
    {"+", 2, kernel_add}, {"-", 2, kernel_sub}, {"*", 2, kernel_mul}, {"/", 2, kernel_fdiv},
    {"-", 1, kernel_neg}, {"+", 1, kernel_plus},
    {"==", 2, kernel_eq}, {"!=", 2, kernel_ne}, {"===", 2, kernel_seq}, {"!==", 2, kernel_sne},
    {"<", 2, kernel_lt}, {">", 2, kernel_gt}, {"<=", 2, kernel_le}, {">=", 2, kernel_ge},
    {"div", 2, kernel_div}, {"rem", 2, kernel_rem}, {"abs", 1, kernel_abs},
    {"max", 2, kernel_max}, {"min", 2, kernel_min},
    {"round", 1, kernel_round}, {"trunc", 1, kernel_trunc}, {"floor", 1, kernel_floor},
    {"ceil", 1, kernel_ceil},
    {"is_atom", 1, kernel_is_atom}, {"is_binary", 1, kernel_is_binary},
    {"is_bitstring", 1, kernel_is_binary}, {"is_boolean", 1, kernel_is_boolean},
    {"is_float", 1, kernel_is_float}, {"is_function", 1, kernel_is_function},
    {"is_function", 2, kernel_is_function2}, {"is_integer", 1, kernel_is_integer},
    {"is_list", 1, kernel_is_list}, {"is_map", 1, kernel_is_map}, {"is_nil", 1, kernel_is_nil},
    {"is_number", 1, kernel_is_number}, {"is_pid", 1, kernel_is_pid}, {"is_port", 1, kernel_is_port},
    {"is_reference", 1, kernel_is_reference}, {"is_tuple", 1, kernel_is_tuple},
    {"is_struct", 1, kernel_is_struct}, {"is_struct", 2, kernel_is_struct2},
    {"is_exception", 1, kernel_is_exception}, {"not", 1, kernel_not},
    {"length", 1, kernel_length}, {"hd", 1, kernel_hd}, {"tl", 1, kernel_tl},
    {"elem", 2, kernel_elem}, {"put_elem", 3, kernel_put_elem}, {"tuple_size", 1, kernel_tuple_size},
    {"map_size", 1, kernel_map_size}, {"byte_size", 1, kernel_byte_size},
    {"is_map_key", 2, kernel_is_map_key}, {"++", 2, kernel_append}, {"--", 2, kernel_subtract},
    {"..", 2, kernel_range}, {"__in__", 2, kernel_in}, {"inspect", 1, kernel_inspect},
    {"inspect", 2, kernel_inspect2}, {"to_string", 1, kernel_to_string},
    {"apply", 2, kernel_apply2}, {"apply", 3, kernel_apply3}, {"make_ref", 0, kernel_make_ref},
    {"function_exported?", 3, kernel_function_exported},
    {"__struct_new__", 2, kernel_struct_new}, {"__exception_new__", 2, kernel_exception_new},
    {"struct", 2, kernel_struct}, {"struct!", 2, kernel_struct_bang}, {"raise", 1, kernel_raise},
    {"__exception__", 2, kernel_exception_of}, {"throw", 1, kernel_throw}, {"exit", 1, kernel_exit},
    {"__for_result__", 3, kernel_for_result},
};

void lib_kernel_init(void)
{
    LIB_REGISTER("Elixir.Kernel", kernel_builtins);
}
