/* system.c: the System module: argv/0 (the script's arguments, set once at start-up by
 * lib_set_argv), halt/0,1, monotonic_time/0,1. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/libs.h"
#include "lib/system.h"
#include "rt/timer.h"
#include "vm/error.h"

static int script_argc;
static char **script_argv;

void lib_set_argv(int argc, char **argv)
{
    script_argc = argc;
    script_argv = argv;
}

static Value system_argv(Process *p, const Value *a)
{
    (void)a;
    Value list = VAL_NIL;
    for (int i = script_argc; i-- > 0;) {
        Value s = lib_binary(p, script_argv[i]);
        list = val_make_cons(&p->arena, s, list);
        if (list == THE_NON_VALUE) return err_system_limit(p);
    }
    return list;
}

static Value system_halt(Process *p, const Value *a)
{
    (void)p;
    fflush(stdout);
    fflush(stderr);
    exit(val_is_small(a[0]) ? (int)val_small_get(a[0]) : 1);
}

static Value system_halt0(Process *p, const Value *a)
{
    (void)a;
    Value zero = val_small(0);
    return system_halt(p, &zero);
}

static Value system_monotonic_time(Process *p, const Value *a)
{
    (void)a;
    return val_make_int(&p->arena, (int64_t)timer_now_ns());
}

/* System.monotonic_time(unit): :second, :millisecond, :microsecond, :nanosecond or :native. */
static Value system_monotonic_time1(Process *p, const Value *a)
{
    static const char *const units[] = {"second", "millisecond", "microsecond", "nanosecond",
                                        "native"};
    static const int64_t per[] = {1000000000, 1000000, 1000, 1, 1};
    for (int i = 0; i < 5; i++) {
        if (a[0] != val_atom_cstr(units[i]))
            continue;
        return val_make_int(&p->arena, (int64_t)timer_now_ns() / per[i]);
    }
    return err_argument(p, "unsupported time unit. Expected :second, :millisecond, "
                           ":microsecond, :nanosecond, or a positive integer");
}

static const Builtin system_builtins[] = {
    {"argv", 0, system_argv}, {"halt", 0, system_halt0}, {"halt", 1, system_halt},
    {"monotonic_time", 0, system_monotonic_time}, {"monotonic_time", 1, system_monotonic_time1},
};

void lib_system_init(void)
{
    LIB_REGISTER("Elixir.System", system_builtins);
}
