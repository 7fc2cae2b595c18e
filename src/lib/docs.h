/* docs.h: one-line documentation for every built-in function and module, for the shell's h/1
 * (as IEx.Helpers.h/1) and for completion. The table lives in docs.c. */
#ifndef EMBER_DOCS_H
#define EMBER_DOCS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

/* One documented function: `Process.alive?/1` is {"Process", "alive?", 1, "alive?(pid)",
 * "Tells whether the given process is alive on the local node."}. Kernel functions have
 * module "Kernel". */
typedef struct {
    const char *module;
    const char *name;
    int arity;
    const char *signature;
    const char *doc;
} FunDoc;

/* Prints what h/1 prints for `query` to `out`: "Process" (the module's doc), "Process.alive?"
 * (every arity), "Process.alive?/1", or a Kernel function "spawn", "spawn/1". Returns 1 when
 * something was found, else prints iex's "No documentation for Process.nope was found" and
 * returns 0. Output as iex without a terminal: each entry is "\n", the `def`/`defmacro` header
 * centred in 80 columns, "\n\n", the doc wrapped below 80 columns, "\n\n"; no colours.
 * Unqualified names are looked up in Kernel, Kernel.SpecialForms, then IEx.Helpers; an
 * unknown module prints "Could not load module Nope, got: nofile". */
int docs_print(FILE *out, const char *query);

/* The documented functions of `module` ("Enum", "Kernel"...), in name order: returns the count
 * and sets *out to a static array, or 0 and NULL for an unknown module. */
size_t docs_functions(const char *module, const FunDoc **out);

/* Every documented module name, NULL-terminated, in name order. */
const char *const *docs_modules(void);

/* True if `d` (an entry returned by docs_functions) documents a macro or special form (`if`,
 * `receive`...), which h/1 shows as `defmacro` as iex does; false for a function. */
bool docs_is_macro(const FunDoc *d);

#endif
