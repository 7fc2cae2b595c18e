/* compile.h: the compiler from ember's AST (parse/ast.h) to bytecode (vm/code.h).
 *
 * Owns: turning a file's (or a shell input's) top level into a Code, and a module definition
 * into its body code and then its functions. Does not own: parsing, running (the VM calls
 * compile_module_* when it executes a defmodule, as Elixir compiles a module body when the
 * defmodule runs), or the module table.
 * Errors: a compile error stops the compilation and fills CompileError with Elixir's text
 * (e.g. "undefined function reveive/1 (there is no such import)"), file and line; it prints
 * as "** (CompileError) FILE:LINE: MESSAGE". Nothing leaks on error.
 * The AST must outlive every Code compiled from it that defines modules (the module bodies
 * are compiled later, when their defmodule runs): keep the ParseResult alive.
 * Thread safety: compilations are independent; modules are published through vm/module.h.
 */
#ifndef EMBER_COMPILE_H
#define EMBER_COMPILE_H
#include <stdbool.h>
#include <stdint.h>

#include "parse/ast.h"
#include "vm/code.h"
#include "vm/module.h"

typedef struct CompileError {
    char message[512];  /* Elixir's description, without file and line */
    const char *exception; /* NULL: a CompileError; else the exception module to raise instead,
                            * e.g. "Elixir.KeyError" for an unknown struct key (no file:line) */
    const char *file;
    uint32_t line;
} CompileError;

typedef struct CompileOpts {
    const char *file;              /* source name used in errors and funs ("t.exs", "iex") */
    /* Shell: variables bound by earlier inputs. They arrive as the entry's first `nbindings`
     * arguments (registers 0..n-1). With `want_bindings`, the code returns {value, values}
     * where values is the list of every variable visible at the end, in the order compile
     * wrote to *out_names (malloc'd array of NUL-terminated strings, caller frees both). */
    const char *const *bindings;
    uint32_t nbindings;
    bool want_bindings;
    char ***out_names;
    uint32_t *out_nnames;
} CompileOpts;

/* A defmodule seen by the compiler, run later by the VM (DEFMOD / MODDONE). Opaque. */
typedef struct ModuleDef ModuleDef;

/* Compiles `root` (a BLOCK: a whole file or shell input) into an entry Code taking
 * opts->nbindings arguments. Returns NULL and fills `err` on a compile error. */
Code *compile_toplevel(const AstNode *root, const CompileOpts *opts, CompileError *err);

/* Compiles the body of module definition `def` (attributes, defstruct, nested modules and
 * other expressions, in order) into a Code the VM runs; it ends with MODDONE. Returns NULL and
 * fills `err` on a compile error. */
Code *compile_module_body(ModuleDef *def, CompileError *err);

/* Compiles the functions of `def` once its body ran: `attrs` are the values MODDONE passed
 * (attribute versions, defstruct fields), owned by the running process; they are copied.
 * Returns the module, ready for module_define, or NULL with `err` filled. */
Module *compile_module_functions(ModuleDef *def, const Value *attrs, uint32_t nattrs,
                                 CompileError *err);

/* The module `def` defines (an atom). */
Value compile_module_name(const ModuleDef *def);

/* Compiles one module from embedded ember source text `src` (src/lib/NAME.ex): parses it and
 * returns its top-level code (which defines its modules when run). NULL and `err` on error. */
Code *compile_source(const char *file, const char *src, size_t len, CompileError *err);

#endif
