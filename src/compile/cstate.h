/* cstate.h: the compiler's internal state, shared by the files of src/compile (not a public
 * header). A compilation has one ModCtx (the module or top level being compiled) and one
 * FnState per function being emitted (nested for fns: a closure captures from its parent).
 *
 * Registers: a FnState hands out registers in stack order (nextreg). A scope remembers where
 * it started and gives everything back when it closes; inside a block, the temporaries of a
 * finished expression are given back too, except registers a variable was bound to (floor).
 * A register is written once while it is in use (variables are never updated in place; a
 * rebinding takes a new register), so aliasing a variable to any register is safe.
 * Variables: a pattern binds into `pending` first (so `^x` and a repeated `x` see the right
 * versions), then commits to the innermost scope.
 */
#ifndef EMBER_CSTATE_H
#define EMBER_CSTATE_H
#include <setjmp.h>
#include <stdbool.h>
#include <stdint.h>

#include "compile/compile.h"
#include "compile/pool.h"
#include "parse/ast.h"
#include "rt/arena.h"
#include "vm/code.h"
#include "vm/opcodes.h"

#define NO_REG UINT32_MAX

typedef struct Var {
    const char *name;
    uint32_t reg;
} Var;

typedef struct Scope {
    struct Scope *parent;
    Var *vars;
    uint32_t nvars, cap;
    uint32_t reg_base; /* nextreg when the scope opened */
    uint32_t floor;    /* lowest register a statement end may give back */
} Scope;

typedef struct Alias {
    const char *short_name; /* "Bar" */
    Value full;             /* atom Elixir.Foo.Bar */
} Alias;

typedef enum DefKind {
    DEF_CLAUSES,   /* written by the user */
    DEF_WRAPPER,   /* a lower arity of a function with default arguments */
    DEF_STRUCT0,   /* __struct__/0 */
    DEF_STRUCT1,   /* __struct__/1 */
    DEF_EXCEPTION, /* exception/1 of a defexception */
    DEF_MESSAGE,   /* message/1 of a defexception */
    DEF_USE        /* a default provided by `use M` */
} DefKind;

/* A function the module defines: name/arity, its clauses and its slot in Module.funs. */
typedef struct DefInfo {
    DefKind kind;
    Value use_module;          /* DEF_USE: M */
    Value use_opts;            /* DEF_USE: the options of `use M, opts` ([] without) */
    Value name;
    uint32_t arity;
    bool private_;
    uint32_t index;            /* in Module.funs */
    const AstNode **clauses;   /* the DEF nodes, in order */
    uint32_t nclauses;
    const AstNode *defaults;   /* CLAUSE whose parameters carry `\\` defaults, or NULL */
    uint32_t min_arity;        /* arities min_arity..arity-1 call this one with defaults;
                                * DEF_WRAPPER: the index of the full function */
    const uint32_t *attr_slot; /* per clause: attribute environment index (see ModCtx) */
} DefInfo;

/* An attribute value visible to def bodies: @name as of one point of the module body. */
typedef struct AttrVal {
    const char *name;
    Value value;
} AttrVal;

typedef struct ModCtx {
    Pool *pool;
    jmp_buf *jb;
    CompileError *err;
    const char *file;
    Value module;           /* atom of the module being compiled, or ATOM_NIL at top level */
    Arena *lit;             /* literal heap (owned by no process, never collected) */
    Alias *aliases;
    uint32_t naliases;
    Value *imports;         /* modules imported besides Kernel */
    uint32_t nimports;
    DefInfo *defs;          /* functions of the module (empty at top level / in a body) */
    uint32_t ndefs;
    Module *target;         /* the module whose funs[] local calls index */
    const AttrVal *attrs;   /* attribute values for def bodies, current clause */
    uint32_t nattrs;
    Value struct_template;  /* the module's own struct (THE_NON_VALUE if none) */
    struct ModuleDef *mdef; /* module body being compiled, else NULL */
    uint32_t fn_counter;    /* numbering of the module's funs (FunHead.index) */
    Value def_name;         /* the def being compiled (for FunHead.def_name) */
    uint32_t def_arity;
    uint32_t *slots;        /* module body: registers MODDONE passes, by slot */
    uint32_t nslots;
} ModCtx;

/* An attribute read by a def clause: @name's value is MODDONE operand `slot` (NO_REG: never
 * set, reads as nil). */
typedef struct AttrRef {
    const char *name;
    uint32_t slot;
} AttrRef;

/* A def as the module body saw it: the node and the attributes its clause reads. */
typedef struct DefSite {
    const AstNode *node;
    AttrRef *attrs;
    uint32_t nattrs;
} DefSite;

/* `use M, opts` in a module body: the body calls M.__using__(opts), which returns the
 * functions M provides defaults for, as a keyword list [name: arity]; every one the module
 * does not define itself becomes `def name(args...), do: M.__using_default__(:name,
 * __MODULE__, opts, [args...])`. MODDONE operand `slot` holds the list, `opts_slot` the
 * options (as Elixir's `use` passes them to __using__/1). */
typedef struct UseSite {
    Value module;
    uint32_t slot;
    uint32_t opts_slot;
} UseSite;

/* A defmodule, created where it appears (permanent: DEFMOD operands point at it). The body
 * compilation fills the def sites and slots; the function compilation reads them. */
struct ModuleDef {
    const AstNode *node;      /* the MODULE node (its AST must stay alive) */
    const char *file;
    Value name;
    Alias *aliases;           /* in effect at the defmodule, then those of the body */
    uint32_t naliases;
    Value *imports;
    uint32_t nimports;
    DefSite *defs;            /* set by compile_module_body */
    uint32_t ndefs;
    uint32_t nslots;          /* MODDONE operands */
    uint32_t struct_slot;     /* defstruct/defexception fields, or NO_REG */
    bool is_exception;
    UseSite *uses;            /* `use` in the body */
    uint32_t nuses;
};

typedef struct Patch {
    uint32_t at, label;
} Patch;

typedef struct FnState {
    struct FnState *parent;
    ModCtx *mod;
    CodeKind kind;
    uint32_t arity;
    /* output */
    uint32_t *ins;
    uint32_t nins, cap;
    uint32_t *labels;       /* bound offset per label, or NO_REG */
    uint32_t nlabels, labels_cap;
    Patch *patches;
    uint32_t npatches, patches_cap;
    Value *consts;
    uint32_t nconsts, consts_cap;
    Code **children;
    uint32_t nchildren, children_cap;
    Export **imports;
    uint32_t nimports, imports_cap;
    void **ptrs;
    uint32_t nptrs, ptrs_cap;
    LineEntry *lines;
    uint32_t nlines, lines_cap;
    /* registers and variables */
    uint32_t nextreg, maxreg;
    Scope *scope;
    Var *pending;           /* bindings of the pattern being compiled */
    uint32_t npending, pending_cap;
    bool in_pattern;
    bool in_guard;
    bool guard_builds;      /* a guard compiled since this was cleared built a term (creceive) */
    uint32_t in_handler;    /* rescue/catch clause bodies being compiled (for __STACKTRACE__) */
    /* closures: names captured from the parent, in FUN operand order */
    const char **free_names;
    uint32_t nfree, free_cap;
    uint32_t line;          /* current source line, for errors and the line table */
} FnState;

/* ---- errors (compile.c) ---- */
/* Stops the compilation with Elixir's message for `node`'s line. Never returns. */
_Noreturn void cerror(FnState *f, const AstNode *node, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* As cerror, but raises exception module `exception` (e.g. "Elixir.KeyError") instead. */
_Noreturn void cerror_exc(FnState *f, const char *exception, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
_Noreturn void cerror_mod(ModCtx *m, uint32_t line, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* ---- emitting (emit.c) ---- */
void fn_init(FnState *f, ModCtx *mod, FnState *parent, CodeKind kind, uint32_t arity);
void emit(FnState *f, uint32_t word);
void emit_op(FnState *f, Opcode op, const AstNode *at);
void emit_regs(FnState *f, const uint32_t *regs, uint32_t n); /* count, then regs */
uint32_t label_new(FnState *f);
void label_bind(FnState *f, uint32_t label);
void emit_label(FnState *f, uint32_t label);
uint32_t const_index(FnState *f, Value v);
uint32_t child_add(FnState *f, Code *child);
uint32_t import_index(FnState *f, Value module, Value name, uint32_t arity);
uint32_t ptr_add(FnState *f, void *ptr);
/* Copies the finished function out of the pool into a permanent Code. */
Code *fn_finish(FnState *f, Value def_name, uint32_t def_arity);

/* ---- registers and scopes (scope.c) ---- */
uint32_t reg_new(FnState *f);
uint32_t regs_new(FnState *f, uint32_t n); /* n consecutive registers; returns the first */
void scope_push(FnState *f);
void scope_pop(FnState *f);
/* Gives back the temporaries above `mark` that no variable holds. */
void temps_release(FnState *f, uint32_t mark);
/* Finds variable `name` (capturing it from enclosing fns if needed): returns its register,
 * or NO_REG if it is not defined. May emit GETFREE. */
uint32_t var_lookup(FnState *f, const char *name);
void var_bind(FnState *f, const char *name, uint32_t reg);
/* Pattern bindings: pending_find returns the register or NO_REG. */
uint32_t pending_find(FnState *f, const char *name);
void pending_add(FnState *f, const char *name, uint32_t reg);
void pending_commit(FnState *f);
void pending_clear(FnState *f);

/* ---- expressions (expr.c) ---- */
/* Compiles `n`; returns the register holding its value (never to be written by the caller). */
uint32_t cexpr(FnState *f, const AstNode *n);
/* As cexpr, but a literal number or atom comes back as OPK_BIT | constant index. */
uint32_t cexpr_rk(FnState *f, const AstNode *n);
/* Compiles `n` in tail position: emits the return (or tail call) itself. */
void ctail(FnState *f, const AstNode *n);
/* Compiles `n` in tail position if `tail`, else returns its register (NO_REG when tail). */
uint32_t cexpr_t(FnState *f, const AstNode *n, bool tail);
/* Compiles `n` and moves its value into `dst` (or returns, when tail). */
void cinto(FnState *f, const AstNode *n, uint32_t dst, bool tail);
/* A BLOCK: each expression in order; value of the last (nil if empty). */
uint32_t cblock_t(FnState *f, const AstNode *block, bool tail);
/* Loads a constant into a new register. */
uint32_t cload(FnState *f, Value v);
/* If `n` is a literal term (no variables, no calls), builds it in the literal heap and
 * returns true. */
bool literal_value(FnState *f, const AstNode *n, Value *out);
/* The module atom an ALIAS or ATOM node names (aliases applied), or THE_NON_VALUE. */
Value module_atom(ModCtx *m, const AstNode *n);
/* The atom for `text` (interned). */
Value atom_of(const char *text);
/* A binary literal in the literal heap. */
Value lit_binary(FnState *f, const char *bytes, size_t len);

/* ---- operators (ops.c) ---- */
uint32_t cbinop(FnState *f, const AstNode *n, bool tail);
/* `op d x y` for a two-operand instruction (ADD, LT, IDIV, ...; constants folded into the
 * operands); returns d. `at` is the node errors and the line table point to. */
uint32_t cop2(FnState *f, const AstNode *at, Opcode op, const AstNode *x, const AstNode *y);
uint32_t cunop(FnState *f, const AstNode *n);

/* ---- calls (call.c) ---- */
/* Compiles statement `n`, whose value is dropped, if it is `send(dest, {...})` with Kernel's
 * send: the tuple goes straight into the message (SENDT). False (nothing emitted) otherwise. */
bool csend_stmt(FnState *f, const AstNode *n);
uint32_t ccall(FnState *f, const AstNode *n, bool tail);
uint32_t cremote(FnState *f, const AstNode *n, bool tail);
uint32_t capply(FnState *f, const AstNode *n, bool tail);
uint32_t cdot(FnState *f, const AstNode *n);
uint32_t cfunref(FnState *f, const AstNode *n);
uint32_t ccapture(FnState *f, const AstNode *n);
uint32_t cfn(FnState *f, const AstNode *n);
/* Emits a call to module.name/nargs with arguments in `args`; result register (or NO_REG
 * when tail). */
uint32_t emit_callx(FnState *f, const AstNode *at, Value module, Value name, const uint32_t *args,
                    uint32_t nargs, bool tail);
/* Compiles each argument; returns an array of registers in the pool. */
uint32_t *cargs(FnState *f, AstNode *const *kids, uint32_t n);
/* Compiles the clauses of a function or fn whose arguments are in registers 0..arity-1. */
void cclauses(FnState *f, AstNode *const *clauses, uint32_t n, uint32_t arity);

/* ---- patterns (pattern.c) ---- */
/* Matches register `subj` against pattern `pat`, jumping to `fail` on mismatch; bindings go to
 * pending (the caller commits them). */
void cpattern(FnState *f, const AstNode *pat, uint32_t subj, uint32_t fail);
/* A whole clause head: patterns against `subjs`, then the guard; commits bindings. */
void chead(FnState *f, AstNode *const *pats, uint32_t npats, const uint32_t *subjs,
           const AstNode *guard, uint32_t fail);
/* `pat = expr`: returns the register of the value (MatchError if it does not match). */
uint32_t cmatch(FnState *f, const AstNode *n);
/* Guard expression: jump to `fail` unless it is exactly true (a raise fails it too). */
void cguard(FnState *f, const AstNode *guard, uint32_t fail);

/* ---- control flow (control.c, try.c, for.c) ---- */
uint32_t ccase(FnState *f, const AstNode *n, bool tail);
uint32_t ccond(FnState *f, const AstNode *n, bool tail);
uint32_t cif(FnState *f, const AstNode *n, bool tail);
uint32_t creceive(FnState *f, const AstNode *n, bool tail);
uint32_t cwith(FnState *f, const AstNode *n, bool tail);
uint32_t ctry(FnState *f, const AstNode *n);
uint32_t cfor(FnState *f, const AstNode *n);
/* Case-like clauses matching register `subj`, each body's value into `dst` (or returned when
 * `tail`); in a receive (`recv_loop`: the label of its RECVNEXT, else NO_REG), a matching
 * clause first removes the message (RECVTAKE). When no clause matches, execution falls
 * through past the last clause: the caller emits the no-match code there, then binds the
 * returned end label. */
uint32_t cclauses_on(FnState *f, AstNode *const *clauses, uint32_t n, uint32_t subj, uint32_t dst,
                     bool tail, uint32_t recv_loop);

/* ---- maps and structs (map.c) ---- */
uint32_t cmap(FnState *f, const AstNode *n);
uint32_t cstruct(FnState *f, const AstNode *n);
uint32_t cinterp(FnState *f, const AstNode *n);

/* ---- modules (module.c) ---- */
uint32_t cdefmodule(FnState *f, const AstNode *n);
uint32_t cattr(FnState *f, const AstNode *n);
/* import/alias/require/use: compile-time directives. Returns true if `n` was one. */
bool cdirective(FnState *f, const AstNode *n, uint32_t *out);
/* Module body: the MODDONE slot passing register `reg`. */
uint32_t slot_of(ModCtx *m, uint32_t reg);

#endif
