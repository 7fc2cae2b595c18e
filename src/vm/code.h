/* code.h: compiled code, the compiler's output and the VM's input.
 *
 * Owns: the layout of one compiled function (Code): its instructions (opcodes.h), constants,
 * nested funs, imports and line table. A Code is immutable once published and never freed
 * (modules are never unloaded; a reloaded module gets new Codes), so any thread may run it and
 * funs may point at it forever. Constants live in memory that belongs to no process (a
 * module's literal heap): the collector leaves them alone and the VM never writes to them.
 */
#ifndef EMBER_CODE_H
#define EMBER_CODE_H
#include <stdbool.h>
#include <stdint.h>

#include "value/value.h"

struct Module;
struct Export;

typedef enum CodeKind {
    CODE_DEF,  /* a named function (all clauses of def/defp NAME/ARITY) */
    CODE_FN,   /* an anonymous fn (closure): the fun value itself sits in register `arity` */
    CODE_TOP,  /* a script's (or shell input's) top level */
    CODE_INIT  /* a module body being defined */
} CodeKind;

/* Which source line the instructions from `pc` on come from (sorted by pc). */
typedef struct LineEntry {
    uint32_t pc, line;
} LineEntry;

typedef struct Code {
    FunHead head;             /* first: a fun's word 1 points here (value.h) */
    CodeKind kind;
    bool exported;            /* CODE_DEF: def (true) or defp (false) */
    bool is_capture;          /* a stub made for &M.f/A: inspect prints it as &M.f/A */
    uint32_t nregs;           /* registers a frame needs (parameters and closure included) */
    uint32_t nfree;           /* CODE_FN: values the closure captures */
    const uint32_t *ins;      /* the instructions */
    uint32_t nins;
    const Value *consts;      /* literals, in memory owned by no process */
    uint32_t nconsts;
    struct Code *const *children;   /* fns defined in this code (FUN operands) */
    uint32_t nchildren;
    struct Export *const *imports;  /* remote calls (CALLX operands) */
    uint32_t nimports;
    void *const *ptrs;              /* compile-time objects (DEFMOD/MODDONE operands) */
    uint32_t nptrs;
    struct Module *module;    /* local calls resolve in module->funs; NULL at top level */
    const char *file;         /* source file name (never freed) */
    const LineEntry *lines;
    uint32_t nlines;
} Code;

/* The source line of the instruction at word offset `pc` in `code` (0 if unknown). */
uint32_t code_line(const Code *code, uint32_t pc);

/* Prints a readable listing of `code` (and its children) to `out`, for tests and debugging. */
void code_disassemble(const Code *code, void *out /* FILE* */);

#endif
